import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SERVICE_SCHEMAS } from './service-schemas';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where the services' code is: what it reads from the environment must be in a schema. */
const SOURCES = ['services', 'apps/console-server/src', 'libs'];
/** libs/testing reads the test run's own variables (ENLACE_INFRA_JSON), which no service reads. */
const NOT_SERVICE_CODE = /(\.spec\.ts|\.generated\.ts)$|^libs\/testing\//;
const SETTING_NAME = /\b(?:ENLACE_[A-Z0-9_]*[A-Z0-9]|KAFKA_[A-Z0-9_]*[A-Z0-9]|DATABASE_URL)\b/g;
/** Names of that form that are no settings: dependency-injection tokens. */
const NOT_SETTINGS = new Set(['KAFKA_CLIENT']);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(ROOT, folder), { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
      return relative.endsWith('.ts') && !NOT_SERVICE_CODE.test(relative) ? [relative] : [];
    }),
  );
  return files.flat();
}

describe('the services’ configuration schemas', () => {
  it('should declare every ENLACE_*, KAFKA_* and DATABASE_URL setting the services’ code names', async () => {
    const declared = new Set(SERVICE_SCHEMAS.flatMap((service) => service.schema.settings().map((s) => s.name)));
    const undeclared: string[] = [];
    for (const file of (await Promise.all(SOURCES.map(sourceFiles))).flat()) {
      const text = await fs.readFile(path.join(ROOT, file), 'utf8');
      for (const name of new Set(text.match(SETTING_NAME) ?? [])) {
        if (!declared.has(name) && !NOT_SETTINGS.has(name)) undeclared.push(`${name} (${file})`);
      }
    }

    expect(undeclared).toEqual([]);
  });
});
