import { generatedBanner } from './generated-banner';
import type { MessageSchemaSource } from './message-schema-source';

/** Every message schema as a const object, and a map from $id to schema: the runtime reads no files. */
export function emitSchemaModules(sources: readonly MessageSchemaSource[]): string {
  const constants = sources.map(
    (source) =>
      `/** ${source.id}, from ${source.file} */\nexport const ${source.constName} = ${JSON.stringify(source.schema)} as const;`,
  );
  const entries = sources.map((source) => `${JSON.stringify(source.id)}: ${source.constName},`);
  return [
    generatedBanner('contracts/messages/**/*.schema.json'),
    ...constants,
    `/** Every message schema by its $id. */\nexport const schemasById = {\n${entries.join('\n')}\n} as const;`,
    'export type SchemaId = keyof typeof schemasById;',
    '',
  ].join('\n\n');
}
