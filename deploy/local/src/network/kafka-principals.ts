// The local network's broker principals: one SCRAM user per country, one for the secretariat's monitor and one for
// the directory authority, with passwords made once and kept. What each may do is @enlace/messaging's networkAcls.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PrincipalNames, type KafkaSaslCredentials } from '@enlace/messaging';

export interface NetworkPrincipals {
  readonly countries: Readonly<Record<string, KafkaSaslCredentials>>;
  readonly monitor: KafkaSaslCredentials;
  readonly directoryAuthority: KafkaSaslCredentials;
}

async function credentialsIn(dir: string, username: string): Promise<KafkaSaslCredentials> {
  const file = path.join(dir, `${username}.json`);
  try {
    const kept = JSON.parse(await fs.readFile(file, 'utf8')) as KafkaSaslCredentials;
    if (kept.username === username && kept.password) return kept;
  } catch {
    // first run
  }
  const credentials: KafkaSaslCredentials = {
    mechanism: 'scram-sha-512',
    username,
    password: randomBytes(24).toString('base64url'),
  };
  await fs.writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/** Each principal's credentials, generated once and kept (mode 0600) under `dir` (the network material's kafka/). */
export async function ensurePrincipalCredentials(
  dir: string,
  network: string,
  countries: readonly string[],
): Promise<NetworkPrincipals> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = await Promise.all(
    countries.map(async (country) => [country, await credentialsIn(dir, PrincipalNames.country(network, country))]),
  );
  return {
    countries: Object.fromEntries(entries) as Record<string, KafkaSaslCredentials>,
    monitor: await credentialsIn(dir, PrincipalNames.monitor(network)),
    directoryAuthority: await credentialsIn(dir, PrincipalNames.directoryAuthority(network)),
  };
}
