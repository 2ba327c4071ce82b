/**
 * Generates libs/contracts/src/generated from contracts/.
 *   npx tsx tools/contracts/generate.ts            write the generated files
 *   npx tsx tools/contracts/generate.ts --check    fail, naming them, when committed files differ from contracts/
 *   --root <dir>                                   work on another copy of the repository (tests)
 */
import * as path from 'node:path';
import { findDriftedContracts, writeGeneratedContracts } from './contracts-generator';

const REGENERATE = 'npx tsx tools/contracts/generate.ts';

async function main(args: readonly string[]): Promise<number> {
  const rootIndex = args.indexOf('--root');
  const root = rootIndex >= 0 ? args[rootIndex + 1] : undefined;
  if (rootIndex >= 0 && !root) throw new Error('--root needs a directory');
  const rootDir = path.resolve(root ?? path.join(__dirname, '..', '..'));

  if (args.includes('--check')) {
    const drifted = await findDriftedContracts(rootDir);
    if (drifted.length > 0) {
      console.error(
        `Generated contract code is out of date with contracts/:\n${drifted.map((file) => `  ${file}`).join('\n')}\n` +
          `Run \`${REGENERATE}\` and commit the result.`,
      );
      return 1;
    }
    process.stdout.write('Generated contract code is up to date with contracts/.\n');
    return 0;
  }

  const written = await writeGeneratedContracts(rootDir);
  process.stdout.write(`Wrote ${written.map((file) => file.path).join(', ')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
