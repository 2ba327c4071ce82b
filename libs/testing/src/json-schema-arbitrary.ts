import fc from 'fast-check';
import { JsonSchema, resolveRef } from './openapi-operations';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values of a JSON Schema's `format`s that the node API's contracts use. */
const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  date: () =>
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  'date-time': () =>
    fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString()),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
};

export interface SchemaArbitraryOptions {
  /** Makes every free-text string start with this marker (when it fits), to find it later where it must not be. */
  readonly marker?: string;
  /** How deep nested structures may go before arrays stay empty and optional properties are left out. */
  readonly maxDepth?: number;
}

/**
 * An arbitrary of values that satisfy `schema` (a JSON Schema of `document`, e.g. an OpenAPI 3.1 document's), for
 * the keywords the project's contracts use: $ref, type, enum, const, allOf, anyOf/oneOf, properties, required,
 * additionalProperties, items, min/maxItems, uniqueItems, min/maxLength, pattern, format, minimum/maximum.
 * Anything it does not know yields some JSON value: the server must cope with that too.
 */
export function schemaArbitrary(
  document: Node,
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolveRef(document, schema) as Node;
  const next = (child: unknown) => schemaArbitrary(document, child as JsonSchema, options, depth + 1);
  if ('const' in resolved) return fc.constant(resolved['const']);
  if (Array.isArray(resolved['enum'])) return fc.constantFrom(...(resolved['enum'] as unknown[]));
  if (Array.isArray(resolved['allOf'])) {
    const merged = (resolved['allOf'] as unknown[]).reduce<Node>((all, part) => {
      const partSchema = resolveRef(document, part) as Node;
      return {
        ...all,
        ...partSchema,
        properties: { ...(all['properties'] as Node), ...(partSchema['properties'] as Node) },
        required: [...((all['required'] as string[]) ?? []), ...((partSchema['required'] as string[]) ?? [])],
      };
    }, {});
    const { allOf: _allOf, ...rest } = resolved;
    return next({ ...rest, ...merged });
  }
  const alternatives = (resolved['oneOf'] ?? resolved['anyOf']) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) return fc.oneof(...alternatives.map(next));
  const type = Array.isArray(resolved['type']) ? (resolved['type'] as string[])[0] : resolved['type'];
  switch (type) {
    case 'object':
      return objectArbitrary(document, resolved, options, depth);
    case 'array': {
      const maxDepth = options.maxDepth ?? 6;
      const minLength = Number(resolved['minItems'] ?? 0);
      const maxLength = depth > maxDepth ? minLength : Math.min(Number(resolved['maxItems'] ?? 4), minLength + 3);
      const items = next(resolved['items'] ?? {});
      return resolved['uniqueItems'] === true
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'string':
      return stringArbitrary(resolved, options);
    case 'integer':
    case 'number': {
      const min = typeof resolved['minimum'] === 'number' ? resolved['minimum'] : -1_000_000;
      const max = typeof resolved['maximum'] === 'number' ? resolved['maximum'] : 1_000_000;
      return type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(document: Node, schema: Node, options: SchemaArbitraryOptions, depth: number) {
  const properties = (isNode(schema['properties']) ? schema['properties'] : {}) as Node;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const deep = depth > (options.maxDepth ?? 6);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (deep && !required.has(name)) continue;
    model[name] = schemaArbitrary(document, child as JsonSchema, options, depth + 1);
  }
  return fc.record(model, { requiredKeys: [...required].filter((name) => name in model) });
}

function stringArbitrary(schema: Node, options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const format = typeof schema['format'] === 'string' ? FORMATS[schema['format']] : undefined;
  if (format) return format();
  if (typeof schema['pattern'] === 'string') return fc.stringMatching(new RegExp(schema['pattern']));
  const minLength = Number(schema['minLength'] ?? 0);
  const maxLength = Math.min(Number(schema['maxLength'] ?? 200), minLength + 200);
  const marker = options.marker;
  if (marker && marker.length <= maxLength) {
    return fc
      .string({ unit: 'grapheme', maxLength: Math.min(40, maxLength - marker.length) })
      .map((rest) => `${marker}${rest}`)
      .filter((value) => value.length >= minLength && value.length <= maxLength);
  }
  return fc
    .string({ unit: 'grapheme', minLength, maxLength })
    .filter((value) => value.length >= minLength && value.length <= maxLength);
}
