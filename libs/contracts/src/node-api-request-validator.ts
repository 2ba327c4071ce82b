import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { toViolations } from './ajv-violations';
import type { Violation } from './contract-violation.error';
import { nodeApiDocument } from './generated/node-api-document.generated';

type SchemaNode = { [keyword: string]: unknown };

const DOCUMENT_ID = 'urn:enlace:openapi:node-api';
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/**
 * Checks request bodies and parameters against the schemas of contracts/openapi/node-api.openapi.yaml, the same
 * document Swagger UI shows, so that the API accepts exactly what it documents. Build one and share it.
 */
export class NodeApiRequestValidator {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addKeyword({ keyword: 'x-htcds', schemaType: 'string' });
    const components = nodeApiDocument.components as { schemas: Record<string, SchemaNode> };
    // Component schemas become $defs of one schema, so that their refs resolve without the rest of the document.
    this.ajv.addSchema({ $id: DOCUMENT_ID, $defs: withAbsoluteRefs(components.schemas) });
    for (const name of Object.keys(components.schemas)) {
      this.validators.set(name, this.compile({ $ref: `${DOCUMENT_ID}#/$defs/${name}` }));
    }
  }

  /**
   * The violations of a value against a component schema, named (`CreateReferralRequest`) or by a JSON Pointer into
   * the document (`#/components/parameters/ReferralId/schema`); empty when it conforms. Paths point into the value.
   */
  validate(schema: string, value: unknown): Violation[] {
    const validate = this.validatorFor(schema);
    return validate(value) ? [] : toViolations(validate.errors);
  }

  private validatorFor(schema: string): ValidateFunction {
    const known = this.validators.get(schema) ?? this.validators.get(schema.replace(COMPONENT_REF, '$1'));
    if (known) return known;
    const found = schema.startsWith('#/') ? resolvePointer(schema) : undefined;
    // A schema name is chosen by code, not by a client: an unknown one is a bug to fail loudly on.
    if (found === null || typeof found !== 'object') throw new Error(`The node API document has no schema ${schema}`);
    const validate = this.compile(withAbsoluteRefs(found as SchemaNode));
    this.validators.set(schema, validate);
    return validate;
  }

  private compile(schema: SchemaNode): ValidateFunction {
    return this.ajv.compile(schema);
  }
}

function withAbsoluteRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withAbsoluteRefs) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: SchemaNode = {};
  for (const [key, value] of Object.entries(node as SchemaNode)) {
    copy[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace(COMPONENT_REF, `${DOCUMENT_ID}#/$defs/$1`)
        : withAbsoluteRefs(value);
  }
  return copy as T;
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as SchemaNode)[key] : undefined),
      nodeApiDocument,
    );
}
