// The local broker's super user: the launcher, the test harness and the benchmarks act as it; nodes never do.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KafkaSaslCredentials } from '@enlace/messaging';

export const KAFKA_ADMIN_USER = 'enlace-admin';

/** The super user's credentials, generated on first use and kept (mode 0600) beside the broker's data. */
export function kafkaAdminCredentials(file: string): KafkaSaslCredentials {
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { username: string; password: string };
    if (kept.username && kept.password) return { mechanism: 'scram-sha-512', ...kept };
  } catch {
    // first run
  }
  const credentials = { username: KAFKA_ADMIN_USER, password: randomBytes(24).toString('base64url') };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return { mechanism: 'scram-sha-512', ...credentials };
}

/** A value for a JAAS configuration line: quoted, with quotes and backslashes escaped. */
export function jaasQuoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
