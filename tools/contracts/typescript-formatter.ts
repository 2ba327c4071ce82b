import { promises as fs } from 'node:fs';
import type { Options } from 'prettier';
import * as prettier from 'prettier/standalone';
import * as estreePlugin from 'prettier/plugins/estree';
import * as typescriptPlugin from 'prettier/plugins/typescript';

export type TypeScriptFormatter = (source: string) => Promise<string>;

/**
 * Formats with the repository's .prettierrc so that generated files look like the rest of the code and --check is
 * stable. The standalone build is used because it needs no dynamic import, which Jest's CommonJS runtime lacks.
 */
export async function createTypeScriptFormatter(prettierConfigFile: string): Promise<TypeScriptFormatter> {
  const options = await readPrettierOptions(prettierConfigFile);
  return (source) =>
    prettier.format(source, { ...options, parser: 'typescript', plugins: [estreePlugin, typescriptPlugin] });
}

async function readPrettierOptions(file: string): Promise<Options> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Options;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
