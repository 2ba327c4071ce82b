import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { hashPassword } from '@enlace/auth';
import { DirectoryAuthority, DirectoryMember, IssuedEntry, generateNodeKeys, saveNodeKeys } from '@enlace/envelope';
import { ensureKeyEncryptionKeyFile } from '@enlace/privacy';
import { ensureAuditKeyFile } from '@enlace/audit';
import { DEMO_AGENCY_USERS, DEMO_USER_ROLES } from './demo-network.constants';

export interface NetworkMember {
  readonly country: string;
  readonly organisations: readonly string[];
  /** The agencies inside the node, the first its gateway; none: the node's one default agency. */
  readonly agencies?: readonly string[];
}

export interface DemoUser {
  readonly country: string;
  readonly username: string;
  readonly password: string;
  readonly roles: readonly string[];
  /** The user's agency; absent: the node's gateway agency. */
  readonly agency?: string;
}

/** Files a node needs, per country, and the network's shared files. */
export interface NetworkMaterial {
  readonly dir: string;
  /** A fixed directory file (development without the directory topic). */
  readonly directoryFile: string;
  /** The network's trust anchors (public): nodes trust entries of the directory topic that these signed. */
  readonly trustAnchorsFile: string;
  /** The latest signed entry of each member, to publish on the directory topic. */
  readonly entries: readonly IssuedEntry[];
  /** The network's directory authority (its trust anchor's private key and register), under <dir>/authority. */
  readonly authorityDir: string;
  /** The node's own development token secret: a token one node issues is worth nothing at another. */
  jwtSecret(country: string): string;
  readonly users: readonly DemoUser[];
  keysFile(country: string): string;
  usersFile(country: string): string;
  /** The node's key-encryption key for personal data at rest (outside the database, 0600). */
  caseKekFile(country: string): string;
  /** The node's audit key, which seals each record of its audit log (outside the database, 0600). */
  auditKeyFile(country: string): string;
}

interface MaterialState {
  network: string;
  /** Per country (a state folder from before kept one secret for all, `jwtSecret`: it is left unused). */
  jwtSecrets?: Record<string, string>;
  users: DemoUser[];
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Creates, once, what a local network needs: each node's private keys (readable by its owner only), the
 * directory of members with their public keys, the demo users with random passwords and each node's development
 * token issuer's secret. Running it again reuses them, so a restarted network keeps its identities.
 */
export async function ensureNetworkMaterial(
  dir: string,
  network: string,
  members: readonly NetworkMember[],
): Promise<NetworkMaterial> {
  await fs.mkdir(path.join(dir, 'keys'), { recursive: true, mode: 0o700 });
  await fs.mkdir(path.join(dir, 'users'), { recursive: true, mode: 0o700 });
  const keysFile = (country: string): string => path.join(dir, 'keys', `${country.toLowerCase()}.keys.json`);
  const usersFile = (country: string): string => path.join(dir, 'users', `${country.toLowerCase()}.users.json`);
  const caseKekFile = (country: string): string => path.join(dir, 'secrets', `${country.toLowerCase()}.case-kek.json`);
  const auditKeyFile = (country: string): string =>
    path.join(dir, 'secrets', `${country.toLowerCase()}.audit-key.json`);
  const stateFile = path.join(dir, 'material.json');
  const directoryFile = path.join(dir, 'directory.json');

  const state: MaterialState = (await exists(stateFile))
    ? (JSON.parse(await fs.readFile(stateFile, 'utf8')) as MaterialState)
    : { network, users: [] };
  const jwtSecrets = (state.jwtSecrets ??= {});
  for (const member of members) jwtSecrets[member.country] ??= randomBytes(48).toString('base64url');

  const authorityDir = path.join(dir, 'authority');
  const authority = await DirectoryAuthority.open(authorityDir, network);
  const entries: IssuedEntry[] = [];
  const directoryMembers: DirectoryMember[] = [];
  const validFrom = new Date(Date.UTC(2020, 0, 1)).toISOString();
  for (const member of members) {
    const file = keysFile(member.country);
    let publicMember: DirectoryMember;
    if ((await exists(file)) && (await exists(`${file}.public.json`))) {
      publicMember = JSON.parse(await fs.readFile(`${file}.public.json`, 'utf8')) as DirectoryMember;
    } else {
      const generated = await generateNodeKeys(member.country);
      await saveNodeKeys(file, generated.nodeKeys);
      publicMember = {
        country: member.country,
        nodeId: `${network}-${member.country.toLowerCase()}-1`,
        organisations: [...member.organisations],
        signingKeys: generated.publicKeys.signingKeys,
        encryptionKeys: generated.publicKeys.encryptionKeys,
        validFrom,
      };
      await fs.writeFile(`${file}.public.json`, JSON.stringify(publicMember, null, 2));
    }
    await ensureKeyEncryptionKeyFile(caseKekFile(member.country));
    await ensureAuditKeyFile(auditKeyFile(member.country));
    directoryMembers.push(publicMember);
    entries.push(await signedEntry(authority, publicMember));

    // A demo user added to DEMO_USER_ROLES later (the hotline operator) joins a network made before it.
    for (const { suffix, roles } of DEMO_USER_ROLES) {
      const username = `${member.country.toLowerCase()}.${suffix}`;
      if (!state.users.some((user) => user.username === username)) {
        state.users.push({
          country: member.country,
          username,
          password: randomBytes(9).toString('base64url'),
          roles: [...roles],
        });
      }
    }
    // The users of the other agencies, where the node has them.
    for (const { agency, suffix, roles } of DEMO_AGENCY_USERS) {
      const username = `${member.country.toLowerCase()}.${suffix}`;
      if (!member.agencies?.includes(agency) || state.users.some((user) => user.username === username)) continue;
      state.users.push({
        country: member.country,
        username,
        password: randomBytes(9).toString('base64url'),
        roles: [...roles],
        agency,
      });
    }
    const accounts = await Promise.all(
      state.users
        .filter((user) => user.country === member.country)
        .map(async (user) => ({
          username: user.username,
          country: user.country,
          roles: user.roles,
          ...(user.agency ? { agency: user.agency } : {}),
          passwordHash: await hashPassword(user.password),
        })),
    );
    await fs.writeFile(usersFile(member.country), JSON.stringify(accounts, null, 2), { mode: 0o600 });
  }
  await fs.writeFile(directoryFile, JSON.stringify({ network, members: directoryMembers }, null, 2));
  await fs.writeFile(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  return {
    dir,
    directoryFile,
    trustAnchorsFile: authority.trustAnchorsFile,
    entries,
    authorityDir,
    jwtSecret: (country) => {
      const secret = jwtSecrets[country];
      if (secret === undefined) throw new Error(`no development token secret for ${country} in ${stateFile}`);
      return secret;
    },
    users: state.users,
    keysFile,
    usersFile,
    caseKekFile,
    auditKeyFile,
  };
}

/** The member's entry as issued before, or a new one when there is none or the node's signing key changed. */
async function signedEntry(authority: DirectoryAuthority, member: DirectoryMember): Promise<IssuedEntry> {
  const signingKey = member.signingKeys.at(-1);
  const encryptionKey = member.encryptionKeys.at(-1);
  if (signingKey === undefined || encryptionKey === undefined) throw new Error(`${member.country} has no keys`);
  const issued = await authority.issued(member.country);
  if (issued !== undefined && issued.entry.signingKeys.some((key) => key.jwk.kid === signingKey.kid)) return issued;
  return authority.issue({
    country: member.country,
    nodeId: member.nodeId,
    organisations: member.organisations.map((name) => ({ name })),
    signingKey,
    encryptionKey,
    validFrom: member.validFrom,
  });
}
