import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface JsonSchemaDocument {
  $id: string;
  [keyword: string]: unknown;
}

/** One schema file of contracts/messages, with the names the generated code gives it. */
export interface MessageSchemaSource {
  /** Path relative to the repository root, with forward slashes, for messages and banners. */
  readonly file: string;
  readonly id: string;
  /** e.g. ReferralRequestedV1 for urn:enlace:message:referral.requested.v1 */
  readonly typeName: string;
  /** e.g. referralRequestedV1Schema */
  readonly constName: string;
  readonly schema: JsonSchemaDocument;
}

const SCHEMA_ID = /^urn:enlace:(schema|message):([a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*\.v[1-9][0-9]*)$/;

/** `referral.information-requested.v1` -> `ReferralInformationRequestedV1`. */
export function typeNameOf(id: string): string {
  const match = SCHEMA_ID.exec(id);
  if (!match?.[2]) {
    throw new Error(`Schema $id "${id}" is not of the form urn:enlace:{schema|message}:<name>.v<major>`);
  }
  return match[2]
    .split(/[.-]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Every *.schema.json under the messages folder, sorted by path so that the output never depends on the disk. */
export async function loadMessageSchemas(rootDir: string, messagesDir: string): Promise<MessageSchemaSource[]> {
  const files = (await listSchemaFiles(messagesDir)).sort();
  const sources: MessageSchemaSource[] = [];
  for (const absolute of files) {
    const file = path.relative(rootDir, absolute).split(path.sep).join('/');
    const schema = JSON.parse(await fs.readFile(absolute, 'utf8')) as JsonSchemaDocument;
    if (typeof schema.$id !== 'string') {
      throw new Error(`${file} has no $id`);
    }
    const typeName = typeNameOf(schema.$id);
    sources.push({
      file,
      id: schema.$id,
      typeName,
      constName: `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}Schema`,
      schema,
    });
  }
  assertUnique(
    sources.map((source) => source.id),
    'schema $id',
  );
  assertUnique(
    sources.map((source) => source.typeName),
    'type name',
  );
  return sources;
}

async function listSchemaFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listSchemaFiles(full);
      return entry.name.endsWith('.schema.json') ? [full] : [];
    }),
  );
  return nested.flat();
}

function assertUnique(values: string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`Two message schemas share the ${what} "${value}"`);
    seen.add(value);
  }
}
