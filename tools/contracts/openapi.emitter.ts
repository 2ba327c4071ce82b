import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { generatedBanner } from './generated-banner';

const run = promisify(execFile);

/**
 * openapi-typescript's paths/components/operations types, plus one alias per component schema (ReferralView, ...) and
 * each enum's values as an array (documentKindValues, ...), so that a form lists the contract's values, not a copy.
 * Its CLI runs in a child process because its dependencies are ES modules, which Jest's CommonJS runtime cannot load.
 */
export async function emitOpenApiTypes(documentFile: string, source: string): Promise<string> {
  // The package's export map rewrites *.js to *.mjs, so the bin is found next to its package.json.
  const cli = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
  const { stdout } = await run(
    process.execPath,
    [cli, documentFile, '--root-types', '--root-types-no-schema-prefix', '--enum-values'],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return `${generatedBanner(source)}\n${stdout}`;
}

/** The OpenAPI document itself, so that its API can serve it (Swagger UI) without reading contracts/ at run time. */
export function emitOpenApiDocument(documentText: string, source: string, constName: string): string {
  const document: unknown = parse(documentText);
  return [
    generatedBanner(source),
    `export const ${constName}: { readonly [key: string]: unknown } = ${JSON.stringify(document)};`,
    '',
  ].join('\n');
}
