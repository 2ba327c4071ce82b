import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { contractPaths } from './contract-paths';
import { loadMessageSchemas } from './message-schema-source';
import { emitMessageTypes } from './message-types.emitter';
import { emitOpenApiDocument, emitOpenApiTypes } from './openapi.emitter';
import { emitSchemaModules } from './schema-modules.emitter';
import { createTypeScriptFormatter } from './typescript-formatter';

export interface GeneratedFile {
  /** Path relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

const GENERATED_SUFFIX = '.generated.ts';

/** Everything contracts/ produces under libs/contracts/src/generated, formatted, in memory. */
export async function generateContracts(rootDir: string): Promise<GeneratedFile[]> {
  const paths = contractPaths(rootDir);
  const format = await createTypeScriptFormatter(paths.prettierConfig);
  const sources = await loadMessageSchemas(rootDir, paths.messagesDir);
  const outputs: Record<string, string> = {
    'messages.generated.ts': await emitMessageTypes(sources),
    'schemas.generated.ts': emitSchemaModules(sources),
  };
  for (const api of paths.openApiDocuments) {
    const text = await fs.readFile(api.file, 'utf8');
    outputs[`${api.stem}.generated.ts`] = await emitOpenApiTypes(api.file, api.source);
    outputs[`${api.stem}-document.generated.ts`] = emitOpenApiDocument(text, api.source, api.documentConst);
  }
  const outputDir = toRepositoryPath(rootDir, paths.outputDir);
  const files: GeneratedFile[] = [];
  for (const [name, content] of Object.entries(outputs)) {
    files.push({ path: `${outputDir}/${name}`, content: await format(content) });
  }
  return files;
}

/** Writes the generated files and removes generated files that contracts/ no longer produces. */
export async function writeGeneratedContracts(rootDir: string): Promise<GeneratedFile[]> {
  const files = await generateContracts(rootDir);
  const outputDir = contractPaths(rootDir).outputDir;
  await fs.mkdir(outputDir, { recursive: true });
  for (const file of files) {
    await fs.writeFile(path.join(rootDir, file.path), file.content, 'utf8');
  }
  const produced = new Set(files.map((file) => path.basename(file.path)));
  for (const stale of (await listGenerated(outputDir)).filter((name) => !produced.has(name))) {
    await fs.rm(path.join(outputDir, stale));
  }
  return files;
}

/** Generated files (repository-relative) that differ from what contracts/ produces now, are missing, or are stale. */
export async function findDriftedContracts(rootDir: string): Promise<string[]> {
  const files = await generateContracts(rootDir);
  const outputDir = contractPaths(rootDir).outputDir;
  const drifted: string[] = [];
  for (const file of files) {
    const committed = await readIfExists(path.join(rootDir, file.path));
    if (committed !== file.content) drifted.push(file.path);
  }
  const produced = new Set(files.map((file) => path.basename(file.path)));
  const outputPath = toRepositoryPath(rootDir, outputDir);
  for (const stale of (await listGenerated(outputDir)).filter((name) => !produced.has(name))) {
    drifted.push(`${outputPath}/${stale}`);
  }
  return drifted.sort();
}

function toRepositoryPath(rootDir: string, absolute: string): string {
  return path.relative(rootDir, absolute).split(path.sep).join('/');
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function listGenerated(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => name.endsWith(GENERATED_SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
