import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { verifyPassword } from '@enlace/auth';
import { loadAuditKey } from '@enlace/audit';
import { loadNodeKeys } from '@enlace/envelope';
import { loadKeyEncryptionKey } from '@enlace/privacy';
import { initNode } from './node-init';

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('initNode', () => {
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'enlace-init-')), 'pe');
  });

  afterEach(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  describe('with the development issuer', () => {
    it('should write keys the courier loads, a key-encryption key, an audit key and the settings, each its owner only', async () => {
      const result = await initNode({ dir, country: 'pe', network: 'andean', users: ['pe.focal=focal-point'] });

      expect((await loadNodeKeys(result.keysFile)).country).toBe('PE');
      expect((await loadKeyEncryptionKey(result.caseKekFile)).kid).toEqual(expect.any(String));
      expect((await loadAuditKey(result.auditKeyFile)).key).toHaveLength(32);
      for (const file of [
        result.keysFile,
        result.caseKekFile,
        result.auditKeyFile,
        result.envFile,
        result.usersFile ?? '',
      ]) {
        expect([path.basename(file), await modeOf(file)]).toEqual([path.basename(file), 0o600]);
      }
      expect(await modeOf(dir)).toBe(0o700);
      const env = await readFile(result.envFile, 'utf8');
      expect(env).toContain('ENLACE_COUNTRY=PE');
      expect(env).toContain(`ENLACE_KEYS_FILE=${result.keysFile}`);
      expect(env).toContain(`ENLACE_AUDIT_KEY_FILE=${result.auditKeyFile}`);
      expect(env).toMatch(/^ENLACE_JWT_SECRET=.{40,}$/m);
    });

    it('should hand out the public keys without a private part', async () => {
      const result = await initNode({ dir, country: 'PE', network: 'andean', users: [] });
      const published = await readFile(result.publicKeysFile, 'utf8');
      expect(JSON.parse(published)).toMatchObject({ country: 'PE', signingKeys: [expect.anything()] });
      expect(published).not.toMatch(/"d"\s*:/);
    });

    it('should make each user a password shown once, stored only as its hash', async () => {
      const result = await initNode({ dir, country: 'PE', network: 'andean', users: ['pe.sup=supervisor+auditor'] });
      const [user] = result.users;
      const stored = JSON.parse(await readFile(result.usersFile ?? '', 'utf8')) as { passwordHash: string }[];
      expect(user?.roles).toEqual(['supervisor', 'auditor']);
      expect(JSON.stringify(stored)).not.toContain(user?.password);
      expect(await verifyPassword(user?.password ?? '', stored[0]?.passwordHash ?? '')).toBe(true);
    });

    it('should refuse a role that does not exist, naming it and the roles there are', async () => {
      await expect(initNode({ dir, country: 'PE', network: 'andean', users: ['pe.x=admin'] })).rejects.toThrow(
        /unknown role admin \(roles: focal-point, /,
      );
    });
  });

  describe('run again', () => {
    it("should keep the node's keys, key-encryption key and settings: never replace its identity", async () => {
      const first = await initNode({ dir, country: 'PE', network: 'andean', users: ['pe.focal=focal-point'] });
      const files = (result: typeof first) => [
        result.keysFile,
        result.caseKekFile,
        result.auditKeyFile,
        result.envFile,
      ];
      const before = await Promise.all(files(first).map((f) => readFile(f)));

      const second = await initNode({ dir, country: 'PE', network: 'andean', users: ['pe.focal=focal-point'] });

      const after = await Promise.all(files(second).map((f) => readFile(f)));
      expect(after).toEqual(before);
      expect(second.kept).toEqual(expect.arrayContaining(files(first)));
      expect(second.users).toEqual([]);
    });
  });

  describe("with the country's identity provider", () => {
    it('should write production settings without a development secret or users file', async () => {
      const result = await initNode({
        dir,
        country: 'PE',
        network: 'andean',
        oidcIssuer: 'https://login.example.org/realms/enlace',
        users: ['pe.focal=focal-point'],
      });
      const env = await readFile(result.envFile, 'utf8');
      expect(env).toContain('ENLACE_ENV=production');
      expect(env).toContain('ENLACE_OIDC_ISSUER=https://login.example.org/realms/enlace');
      expect(env).not.toContain('ENLACE_JWT_SECRET');
      expect(result.usersFile).toBeUndefined();
    });
  });
});
