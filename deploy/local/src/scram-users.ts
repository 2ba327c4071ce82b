// SCRAM-SHA-512 users on the local broker, created through Kafka's Java Admin API (kafkajs has no
// AlterUserScramCredentials): deploy/local/kafka/ScramUsers.java run in source-file mode with the broker's jars.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KafkaSaslCredentials } from '@enlace/messaging';
import { LOCAL_DEPLOY_DIR } from './paths';
import { javaCommand } from './prerequisites';
import { runCommand, tailText } from './processes';

export interface ScramUsersTarget {
  readonly kafkaBrokers: string;
  /** The super user that may alter credentials. */
  readonly admin: KafkaSaslCredentials;
  /** The broker's jars (ensureInfra's kafkaLibsDir). */
  readonly libsDir: string;
}

/** Creates the users, or sets their passwords again (the same password changes nothing a client sees). */
export async function upsertScramUsers(
  target: ScramUsersTarget,
  users: readonly KafkaSaslCredentials[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (users.length === 0) return;
  const lines = [target.kafkaBrokers, target.admin.username, target.admin.password];
  for (const user of users) lines.push(user.username, user.password);
  if (lines.some((line) => /[\r\n]/.test(line))) throw new Error('a user name or password holds a line break');
  const result = await runCommand(
    javaCommand(env),
    [
      `-Dlog4j.configuration=${pathToFileURL(path.join(LOCAL_DEPLOY_DIR, 'kafka', 'tools-log4j.properties')).href}`,
      '-cp',
      `${target.libsDir}${path.sep}*`,
      path.join(LOCAL_DEPLOY_DIR, 'kafka', 'ScramUsers.java'),
    ],
    { env, input: `${lines.join('\n')}\n` },
  );
  if (result.code !== 0) {
    throw new Error(`creating SCRAM users failed (exit ${result.code}):\n${tailText(result.output, 20)}`);
  }
}
