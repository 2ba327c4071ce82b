/**
 * Generates docs/configuration.md and every service's .env.example from the services' configuration schemas.
 *   npx tsx tools/config/generate.ts            write the files
 *   npx tsx tools/config/generate.ts --check    fail, naming them, when committed files differ from the schemas
 */
import * as path from 'node:path';
import { findDriftedConfigurationFiles, writeConfigurationFiles } from './configuration-files';

const REGENERATE = 'npm run config:docs';

async function main(args: readonly string[]): Promise<number> {
  const rootDir = path.resolve(__dirname, '..', '..');
  if (args.includes('--check')) {
    const drifted = await findDriftedConfigurationFiles(rootDir);
    if (drifted.length > 0) {
      console.error(
        `The configuration documents are out of date with the schemas:\n${drifted.map((file) => `  ${file}`).join('\n')}\n` +
          `Run \`${REGENERATE}\` and commit the result.`,
      );
      return 1;
    }
    process.stdout.write('The configuration documents are up to date with the schemas.\n');
    return 0;
  }
  const written = await writeConfigurationFiles(rootDir);
  process.stdout.write(`Wrote ${written.join(', ')}\n`);
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
