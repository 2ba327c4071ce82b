// A broker of one test's own, from the project's launcher: for a test that needs what the shared broker may not have
// yet (its TLS listener, when it was started before there was one) and must not restart the shared one.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureInfra, stopInfra, type InfraEndpoints } from './infra-control';
import { findFreeBasePort } from './network/free-ports';

export interface PrivateKafka {
  /** Its plain and TLS listeners, its super user and jars; `databaseUrl` is the server it was given. */
  readonly endpoints: InfraEndpoints;
  /** Stops its process (by the pid its launcher recorded) and removes its state folder. */
  stop(): Promise<void>;
}

/**
 * Starts a broker in a fresh state folder under the system's temporary folder, on free ports, with the jars of the
 * shared broker (`kafkaLibsDir`: nothing is resolved or downloaded) and the given database server (only Kafka is
 * started). The caller stops it.
 */
export async function startPrivateKafka(given: { kafkaLibsDir: string; databaseUrl: string }): Promise<PrivateKafka> {
  const home = await mkdtemp(join(tmpdir(), 'enlace-kafka-'));
  await mkdir(join(home, 'kafka'), { recursive: true });
  await symlink(given.kafkaLibsDir, join(home, 'kafka', 'libs'));
  const base = await findFreeBasePort([0, 1, 2]);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ...(process.env['JAVA_HOME'] && { JAVA_HOME: process.env['JAVA_HOME'] }),
    ENLACE_HOME: home,
    ENLACE_KAFKA_PORT: String(base),
    ENLACE_KAFKA_CONTROLLER_PORT: String(base + 1),
    ENLACE_KAFKA_TLS_PORT: String(base + 2),
    DATABASE_URL: given.databaseUrl,
  };
  const quiet = (): void => undefined;
  const stop = async (): Promise<void> => {
    try {
      await stopInfra({ env, log: quiet });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  };
  try {
    return { endpoints: await ensureInfra({ env, log: quiet }), stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
