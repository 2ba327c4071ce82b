import { nodeApiDocument } from '@enlace/contracts';

/** A JSON Schema as found in an OpenAPI 3.1 document (2020-12 dialect), loosely typed. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface OperationParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation of an OpenAPI document, with every `$ref` it uses resolved. */
export interface ApiOperation {
  readonly operationId: string;
  readonly method: string;
  /** The path template, e.g. `/referrals/{id}/accept`, relative to the server URL. */
  readonly path: string;
  /** `security: []`: no token needed. */
  readonly isPublic: boolean;
  /** The right the operation needs (`x-enlace-right`), when it declares one. */
  readonly right?: string;
  readonly parameters: readonly OperationParameter[];
  readonly requestBody?: { readonly required: boolean; readonly schema: JsonSchema };
  /** The response codes the operation documents. */
  readonly responses: readonly string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`) of `document`, once per level. */
export function resolveRef(document: Node, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isNode(current) && typeof current['$ref'] === 'string'; hops += 1) {
    if (hops > 32) throw new Error('a $ref chain that does not end');
    const ref = current['$ref'] as string;
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, segment) => (isNode(node) ? node[segment] : undefined), document);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current;
}

/**
 * Every operation of an OpenAPI document (the node API's by default), in document order. Tests iterate over this,
 * never over a hand-written list, so an operation added to the contract is covered the day it is added.
 */
export function apiOperations(document: Node = nodeApiDocument as Node): ApiOperation[] {
  const paths = (document['paths'] ?? {}) as Record<string, Node>;
  const rootSecurity = document['security'];
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const shared = (Array.isArray(item['parameters']) ? item['parameters'] : []) as unknown[];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isNode(operation)) continue;
      const own = (Array.isArray(operation['parameters']) ? operation['parameters'] : []) as unknown[];
      const byKey = new Map<string, OperationParameter>();
      for (const raw of [...shared, ...own]) {
        const parameter = resolveRef(document, raw) as Node;
        byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, {
          name: String(parameter['name']),
          in: parameter['in'] as OperationParameter['in'],
          required: parameter['required'] === true,
          schema: (parameter['schema'] ?? {}) as JsonSchema,
        });
      }
      const security = operation['security'] ?? rootSecurity;
      const body = resolveRef(document, operation['requestBody']) as Node | undefined;
      const json = isNode(body?.['content']) ? (body['content'] as Node)['application/json'] : undefined;
      const right = operation['x-enlace-right'];
      operations.push({
        operationId: String(operation['operationId'] ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(security) && security.length === 0,
        ...(typeof right === 'string' ? { right } : {}),
        parameters: [...byKey.values()],
        ...(isNode(json)
          ? { requestBody: { required: body?.['required'] === true, schema: (json['schema'] ?? {}) as JsonSchema } }
          : {}),
        responses: Object.keys(isNode(operation['responses']) ? operation['responses'] : {}),
      });
    }
  }
  return operations;
}

/** The concrete path of `operation` with its path parameters filled in (each value URL-encoded). */
export function fillPath(operation: Pick<ApiOperation, 'path'>, values: Readonly<Record<string, string>>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the path parameter ${name} of ${operation.path}`);
    return encodeURIComponent(value);
  });
}
