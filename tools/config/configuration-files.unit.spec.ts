import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configurationFiles, findDriftedConfigurationFiles } from './configuration-files';
import { SERVICE_SCHEMAS } from './service-schemas';

const ROOT = path.resolve(__dirname, '..', '..');

describe('configurationFiles', () => {
  const files = configurationFiles();
  const document = files.find((file) => file.path === 'docs/configuration.md')?.content ?? '';

  it('should document every setting of every service, in its own section', () => {
    for (const service of SERVICE_SCHEMAS) {
      const section = document.split(`\n## ${service.name}\n`)[1]?.split('\n## ')[0] ?? '';
      for (const setting of service.schema.settings()) expect(section).toContain(`| \`${setting.name}\` |`);
    }
  });

  it('should say what the default listening address means for a deployer', () => {
    expect(document).toContain('127.0.0.1 by default: connections from the same machine only');
  });

  it("should write each service's .env.example with the required settings set and no secret's value", () => {
    const example = files.find((file) => file.path === 'services/node-api/.env.example')?.content ?? '';

    expect(example).toMatch(/^ENLACE_COUNTRY=CO$/m);
    expect(example).toMatch(/^# ENLACE_HTTP_HOST=127\.0\.0\.1$/m);
    expect(example).toMatch(/^# ENLACE_JWT_SECRET=$/m);
    expect(files.map((file) => file.path)).toEqual([
      'docs/configuration.md',
      ...SERVICE_SCHEMAS.map((service) => `${service.folder}/.env.example`),
    ]);
  });
});

describe('findDriftedConfigurationFiles', () => {
  it('should find the committed files up to date with the schemas', async () => {
    await expect(findDriftedConfigurationFiles(ROOT)).resolves.toEqual([]);
  });

  it('should name a file that differs from what the schemas give, and one that is missing', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-config-drift-'));
    try {
      for (const file of configurationFiles()) {
        await fs.mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
        if (file.path !== 'services/courier/.env.example') await fs.writeFile(path.join(root, file.path), file.content);
      }
      await fs.appendFile(path.join(root, 'docs/configuration.md'), '\nAn edit by hand.\n');

      await expect(findDriftedConfigurationFiles(root)).resolves.toEqual([
        'docs/configuration.md',
        'services/courier/.env.example',
      ]);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
