import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { generatedBanner } from './generated-banner';
import type { MessageSchemaSource } from './message-schema-source';

type SchemaNode = Record<string, unknown>;

/** TypeScript types for every message schema, one named root type per schema (EnvelopeHeaderV1, ...). */
export async function emitMessageTypes(sources: readonly MessageSchemaSource[]): Promise<string> {
  const typeNameById = new Map(sources.map((source) => [source.id, source.typeName]));
  const parts: string[] = [];
  for (const source of sources) {
    const schema = linkOtherSchemas(structuredClone(source.schema), typeNameById, source.file);
    // Without $id and title the root type takes the stable name derived from the $id.
    delete schema.$id;
    delete schema.title;
    parts.push(
      await compile(schema as JSONSchema, source.typeName, {
        bannerComment: '',
        format: false,
        additionalProperties: false,
        ignoreMinAndMaxItems: true,
        unknownAny: true,
        strictIndexSignatures: true,
      }),
    );
  }
  assertNoDuplicateDeclarations(parts.join('\n'));
  return `${generatedBanner('contracts/messages/**/*.schema.json')}\n${parts.join('\n')}`;
}

/**
 * A $ref to another schema's URN becomes a reference to that schema's generated type, so that each type is declared
 * once in the combined file instead of being inlined (and renamed) wherever it is used.
 */
function linkOtherSchemas(node: SchemaNode, typeNameById: Map<string, string>, file: string): SchemaNode {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('urn:')) {
      const typeName = typeNameById.get(value);
      if (!typeName) throw new Error(`${file}: $ref "${value}" names no schema under contracts/messages`);
      delete node.$ref;
      node.tsType = typeName;
    } else if (value !== null && typeof value === 'object') {
      linkOtherSchemas(value as SchemaNode, typeNameById, file);
    }
  }
  return node;
}

function assertNoDuplicateDeclarations(source: string): void {
  const seen = new Set<string>();
  for (const match of source.matchAll(/^export (?:interface|type) (\w+)/gm)) {
    const name = match[1] as string;
    if (seen.has(name)) {
      throw new Error(`Two message schemas declare the type "${name}": give their $defs distinct titles`);
    }
    seen.add(name);
  }
}
