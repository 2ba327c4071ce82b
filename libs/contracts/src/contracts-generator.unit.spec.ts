import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// The generator is a workspace tool, not a library: no alias reaches it, and only this test imports it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  findDriftedContracts,
  generateContracts,
  writeGeneratedContracts,
  type GeneratedFile,
} from '../../../tools/contracts/contracts-generator';

// Each generation formats six files and runs openapi-typescript in a child process: seconds, not milliseconds.
jest.setTimeout(60_000);

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
const GENERATED = 'libs/contracts/src/generated';

/** A copy of what the generator reads and writes, so that tests never touch the real folders. */
async function copyOf(root: string): Promise<string> {
  const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-contracts-'));
  for (const part of ['contracts', '.prettierrc', GENERATED]) {
    await fs.cp(path.join(root, part), path.join(copy, part), { recursive: true });
  }
  return copy;
}

async function editJson(file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  await fs.writeFile(file, JSON.stringify(json, null, 2));
}

function touchReceiptSchema(root: string): Promise<void> {
  return editJson(path.join(root, 'contracts/messages/receipt.delivered.v1.schema.json'), (schema) => {
    schema.description = 'A delivery receipt, said differently.';
  });
}

function runCli(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(REPOSITORY_ROOT, 'tools/contracts/generate.ts'), ...args],
    { encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('contracts generator', () => {
  const copies: string[] = [];
  let generatedRoot: string;
  let written: GeneratedFile[];

  async function freshCopy(): Promise<string> {
    const copy = await copyOf(generatedRoot);
    copies.push(copy);
    return copy;
  }

  beforeAll(async () => {
    generatedRoot = await copyOf(REPOSITORY_ROOT);
    copies.push(generatedRoot);
    written = await writeGeneratedContracts(generatedRoot);
  });

  afterAll(async () => {
    await Promise.all(copies.map((copy) => fs.rm(copy, { recursive: true, force: true })));
  });

  describe('writeGeneratedContracts', () => {
    it('should write the generated files of the messages and of each OpenAPI document, each marked as generated', () => {
      expect(written.map((file) => file.path)).toEqual([
        `${GENERATED}/messages.generated.ts`,
        `${GENERATED}/schemas.generated.ts`,
        `${GENERATED}/node-api.generated.ts`,
        `${GENERATED}/node-api-document.generated.ts`,
        `${GENERATED}/monitor.generated.ts`,
        `${GENERATED}/monitor-document.generated.ts`,
      ]);
      for (const file of written) expect(file.content).toContain('generated from contracts/ — do not edit');
    });

    it('should name each message type after its schema and link schemas by type', () => {
      const messages = written[0]?.content;

      for (const name of ['EnvelopeHeaderV1', 'EnvelopeV1', 'ReceiptDeliveredV1', 'NodeHeartbeatV1']) {
        expect(messages).toContain(`export interface ${name} {`);
      }
      expect(messages).toContain('header: EnvelopeHeaderV1;');
    });
  });

  describe('generateContracts', () => {
    it('should refuse a $ref to a schema that does not exist', async () => {
      const root = await freshCopy();
      await editJson(path.join(root, 'contracts/messages/envelope.v1.schema.json'), (schema) => {
        const properties = schema.properties as Record<string, Record<string, unknown>>;
        properties.header = { ...properties.header, $ref: 'urn:enlace:schema:nothing.v1' };
      });

      await expect(generateContracts(root)).rejects.toThrow('names no schema under contracts/messages');
    });
  });

  describe('findDriftedContracts', () => {
    it('should find no drift right after generation, since the output is deterministic', async () => {
      expect(await findDriftedContracts(generatedRoot)).toEqual([]);
    });

    it('should name the files that drift after a schema is touched', async () => {
      const root = await freshCopy();
      await touchReceiptSchema(root);

      expect(await findDriftedContracts(root)).toEqual([
        `${GENERATED}/messages.generated.ts`,
        `${GENERATED}/schemas.generated.ts`,
      ]);
    });

    it('should name a missing and a stale generated file', async () => {
      const root = await freshCopy();
      await fs.rm(path.join(root, GENERATED, 'node-api.generated.ts'));
      await fs.writeFile(path.join(root, GENERATED, 'returns.generated.ts'), 'export {};\n');

      expect(await findDriftedContracts(root)).toEqual([
        `${GENERATED}/node-api.generated.ts`,
        `${GENERATED}/returns.generated.ts`,
      ]);
    });
  });

  describe('generate.ts --check', () => {
    it('should pass on the committed generated files of this repository', () => {
      const { status, output } = runCli('--check');

      expect([status, output]).toEqual([0, expect.stringContaining('up to date')]);
    });

    it('should fail naming the drifted files and how to regenerate them', async () => {
      const root = await freshCopy();
      await touchReceiptSchema(root);

      const { status, output } = runCli('--check', '--root', root);

      expect(status).toBe(1);
      expect(output).toContain(`${GENERATED}/messages.generated.ts`);
      expect(output).toContain(`${GENERATED}/schemas.generated.ts`);
      expect(output).toContain('npx tsx tools/contracts/generate.ts');
    });
  });
});
