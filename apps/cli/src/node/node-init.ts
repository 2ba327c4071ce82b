import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ROLES, hashPassword, type Role } from '@enlace/auth';
import { ensureAuditKeyFile } from '@enlace/audit';
import { generateNodeKeys, saveNodeKeys } from '@enlace/envelope';
import { ensureKeyEncryptionKeyFile } from '@enlace/privacy';

export interface NodeInitOptions {
  readonly dir: string;
  readonly country: string;
  readonly network: string;
  /** The country's identity provider; without it, the node's development issuer with the users below. */
  readonly oidcIssuer?: string;
  /** Development users, `username=role[+role]`; their passwords are made here and shown once. */
  readonly users: readonly string[];
}

export interface NodeInitResult {
  readonly dir: string;
  readonly keysFile: string;
  readonly publicKeysFile: string;
  readonly caseKekFile: string;
  /** The audit key that seals each record of the node's audit log (HMAC-SHA256), outside the database. */
  readonly auditKeyFile: string;
  readonly envFile: string;
  readonly usersFile?: string;
  /** Files that were there already and were kept as they were (a node's keys are never replaced by init). */
  readonly kept: readonly string[];
  readonly users: readonly { username: string; roles: readonly string[]; password?: string }[];
  /** What is still to be done before the node can start. */
  readonly next: readonly string[];
}

const SECRET_MODE = 0o600;

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function parseUser(spec: string): { username: string; roles: Role[] } {
  const [username, roleList] = spec.split('=');
  if (!username || !roleList) throw new Error(`--user ${spec}: expected username=role (e.g. co.focal=focal-point)`);
  const roles = roleList.split('+');
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`--user ${spec}: unknown role ${role} (roles: ${ROLES.join(', ')})`);
    }
  }
  return { username, roles: roles as Role[] };
}

/**
 * Makes what one node needs in its own folder, readable by its owner only: the node's keys (the private file stays
 * here; `<keys>.public.json` goes to the network's directory authority), the key-encryption key for personal data at
 * rest, the audit key that seals the audit log, and the node's settings file. Running it again keeps every key it finds: it never replaces a node's identity.
 */
export async function initNode(options: NodeInitOptions): Promise<NodeInitResult> {
  const country = options.country.toUpperCase();
  const dir = path.resolve(options.dir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const keysFile = path.join(dir, `${country.toLowerCase()}.keys.json`);
  const publicKeysFile = `${keysFile}.public.json`;
  const caseKekFile = path.join(dir, `${country.toLowerCase()}.case-kek.json`);
  const auditKeyFile = path.join(dir, `${country.toLowerCase()}.audit-key.json`);
  const envFile = path.join(dir, 'node.env');
  const kept: string[] = [];

  if (await exists(keysFile)) {
    kept.push(keysFile);
  } else {
    const { nodeKeys, publicKeys } = await generateNodeKeys(country);
    await saveNodeKeys(keysFile, nodeKeys);
    await fs.writeFile(publicKeysFile, `${JSON.stringify({ country, ...publicKeys }, null, 2)}\n`);
  }
  if (await exists(caseKekFile)) kept.push(caseKekFile);
  await ensureKeyEncryptionKeyFile(caseKekFile);
  if (await exists(auditKeyFile)) kept.push(auditKeyFile);
  await ensureAuditKeyFile(auditKeyFile);

  const users = options.users.map(parseUser);
  let usersFile: string | undefined;
  const shownUsers: { username: string; roles: readonly string[]; password?: string }[] = [];
  const wantedUsersFile = path.join(dir, `${country.toLowerCase()}.users.json`);
  if (await exists(wantedUsersFile)) {
    usersFile = wantedUsersFile;
    kept.push(usersFile);
  } else if (options.oidcIssuer === undefined && users.length > 0) {
    usersFile = wantedUsersFile;
    const accounts = [];
    for (const user of users) {
      const password = randomBytes(12).toString('base64url');
      accounts.push({ ...user, country, passwordHash: await hashPassword(password) });
      shownUsers.push({ ...user, password });
    }
    await fs.writeFile(usersFile, `${JSON.stringify(accounts, null, 2)}\n`, { mode: SECRET_MODE });
  }

  const settings: Record<string, string> = {
    ENLACE_COUNTRY: country,
    ENLACE_NETWORK: options.network,
    ENLACE_KEYS_FILE: keysFile,
    ENLACE_CASE_KEK_FILE: caseKekFile,
    ENLACE_AUDIT_KEY_FILE: auditKeyFile,
    ...(options.oidcIssuer !== undefined
      ? { ENLACE_ENV: 'production', ENLACE_OIDC_ISSUER: options.oidcIssuer }
      : {
          ENLACE_JWT_SECRET: randomBytes(48).toString('base64url'),
          ...(usersFile !== undefined && { ENLACE_USERS_FILE: usersFile }),
        }),
  };
  const envText = [
    `# Settings of the Enlace node ${country} of the network ${options.network}, written by \`enlace node init\`.`,
    '# Still to set: DATABASE_URL, KAFKA_BROKERS, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and',
    '# ENLACE_TRUST_ANCHORS_FILE (the trust anchors the directory authority gives every member).',
    '# docs/configuration.md explains every setting.',
    ...Object.entries(settings).map(([name, value]) => `${name}=${value}`),
    '',
  ].join('\n');
  if (await exists(envFile)) kept.push(envFile);
  else await fs.writeFile(envFile, envText, { mode: SECRET_MODE });

  return {
    dir,
    keysFile,
    publicKeysFile,
    caseKekFile,
    auditKeyFile,
    envFile,
    ...(usersFile !== undefined && { usersFile }),
    kept,
    users: shownUsers,
    next: [
      `give ${publicKeysFile} to the network's directory authority (enlace directory issue --public-keys ...)`,
      `fill in the database, broker and trust-anchor settings in ${envFile}`,
      'keep the key-encryption key and the audit key out of the database backup (docs/operations.md, Backup)',
    ],
  };
}
