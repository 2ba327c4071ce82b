import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolvePaths, resolvePorts } from './paths';
import { findPostgresBin, newestMajorsFirst } from './postgres-binaries';
import { postgresServerUrl, serverSettings } from './postgres-process';
import { asServerUser, grantTraversal, searchBitFor } from './postgres-server-user';
import { parsePostgresMajor } from './prerequisites';

describe('the local PostgreSQL', () => {
  describe('serverSettings', () => {
    it('should listen on 127.0.0.1 and a socket in the state folder, with durable commits', () => {
      const env = { ENLACE_HOME: '/tmp/enlace-spec', ENLACE_POSTGRES_PORT: '25499' };

      const args = serverSettings(resolvePaths(env), resolvePorts(env));

      const settings = args.filter((_, i) => i % 2 === 1);
      expect(args.filter((_, i) => i % 2 === 0).every((flag) => flag === '-c')).toBe(true);
      expect(settings).toEqual(
        expect.arrayContaining([
          'listen_addresses=127.0.0.1',
          'port=25499',
          'unix_socket_directories=/tmp/enlace-spec/postgres/run',
          'max_connections=300',
          'shared_buffers=128MB',
          'fsync=on',
          'synchronous_commit=on',
        ]),
      );
    });
  });

  describe('postgresServerUrl', () => {
    it('should name the superuser enlace, no password, and the maintenance database', () => {
      expect(postgresServerUrl(15432)).toBe('postgres://enlace@127.0.0.1:15432/postgres');
    });
  });

  describe('resolvePorts', () => {
    it('should take 15432 unless ENLACE_POSTGRES_PORT says otherwise, and refuse a port another component has', () => {
      expect(resolvePorts({}).postgres).toBe(15432);
      expect(resolvePorts({ ENLACE_POSTGRES_PORT: '25432' }).postgres).toBe(25432);
      expect(() => resolvePorts({ ENLACE_POSTGRES_PORT: '19092' })).toThrow(/ENLACE_POSTGRES_PORT/);
    });
  });

  describe('findPostgresBin', () => {
    let root: string;
    const server = (major: string): string => {
      const bin = path.join(root, major, 'bin');
      fs.mkdirSync(bin, { recursive: true });
      for (const program of ['postgres', 'initdb']) fs.writeFileSync(path.join(bin, program), '', { mode: 0o755 });
      return bin;
    };

    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-pgbin-'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("should take the newest of Debian's major versions that has a server", () => {
      server('9.6');
      const fifteen = server('15');
      fs.mkdirSync(path.join(root, '16', 'bin'), { recursive: true }); // client tools only

      expect(findPostgresBin({}, undefined, root)).toBe(fifteen);
    });

    it('should prefer the version that made the existing cluster', () => {
      const fifteen = server('15');
      server('17');

      expect(findPostgresBin({}, '15', root)).toBe(fifteen);
    });

    it('should take ENLACE_POSTGRES_BIN alone when it is set', () => {
      server('15');
      const own = server('own');

      expect(findPostgresBin({ ENLACE_POSTGRES_BIN: own }, undefined, root)).toBe(own);
      expect(findPostgresBin({ ENLACE_POSTGRES_BIN: path.join(root, 'nothing') }, undefined, root)).toBeUndefined();
    });

    it('should find nothing where there is no server', () => {
      expect(findPostgresBin({}, undefined, path.join(root, 'absent'))).toBeUndefined();
    });

    it('should order major versions as numbers', () => {
      expect(newestMajorsFirst(['9.6', '15', '10', 'common', '17'])).toEqual(['17', '15', '10', '9.6']);
    });
  });

  describe('parsePostgresMajor', () => {
    it('should read the major version', () => {
      expect(parsePostgresMajor('postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)')).toBe(15);
      expect(parsePostgresMajor('postgres (PostgreSQL) 17beta1')).toBe(17);
      expect(parsePostgresMajor('postgres (PostgreSQL) 9.6.24')).toBe(9.6);
      expect(parsePostgresMajor('something else')).toBeUndefined();
    });
  });

  describe('as the server user, when run as root', () => {
    const user = { name: 'postgres', uid: 101, gid: 104 };

    it('should execute the program in place as that user, without root groups', () => {
      expect(asServerUser(user, '/usr/lib/postgresql/15/bin/postgres', ['-D', '/d'])).toEqual([
        'setpriv',
        ['--reuid', '101', '--regid', '104', '--clear-groups', '--', '/usr/lib/postgresql/15/bin/postgres', '-D', '/d'],
      ]);
      expect(asServerUser(undefined, 'postgres', ['-D', '/d'])).toEqual(['postgres', ['-D', '/d']]);
    });

    it('should pick the search bit of the owner, the group or the others', () => {
      expect(searchBitFor(user, 101, 0)).toEqual({ bit: 0o100, who: 'u' });
      expect(searchBitFor(user, 0, 104)).toEqual({ bit: 0o010, who: 'g' });
      expect(searchBitFor(user, 0, 0)).toEqual({ bit: 0o001, who: 'o' });
    });

    it('should add only the search bit to the folders above the target that lack it, and say so', () => {
      const top = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-traverse-'));
      try {
        const closed = path.join(top, 'closed');
        const open = path.join(closed, 'open');
        fs.mkdirSync(open, { recursive: true });
        fs.chmodSync(top, 0o755);
        fs.chmodSync(closed, 0o700);
        fs.chmodSync(open, 0o755);
        const lines: string[] = [];
        const stranger = { name: 'stranger', uid: 4_000_001, gid: 4_000_001 };

        grantTraversal(path.join(open, 'data'), stranger, (line) => lines.push(line));

        expect(fs.statSync(closed).mode & 0o777).toBe(0o701);
        expect(fs.statSync(open).mode & 0o777).toBe(0o755);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`made ${closed} searchable (o+x, not readable)`);
      } finally {
        fs.rmSync(top, { recursive: true, force: true });
      }
    });
  });
});
