// A broker of one test's own, from the project's launcher: for a test that needs what the shared broker may not have
// yet (its TLS listener, when it was started before there was one) and must not restart the shared one.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ComponentName } from './component';
import { ensureInfra, stopInfra, stopInfraComponent, type InfraEndpoints } from './infra-control';
import { KAFKA_BROKER_PORT_STEP } from './paths';
import { findFreeBasePort } from './network/free-ports';

export interface PrivateKafka {
  /** Its plain and TLS listeners, its super user and jars; `databaseUrl` is the server it was given. */
  readonly endpoints: InfraEndpoints;
  /** Stops its processes (by the pids its launcher recorded) and removes its state folder. */
  stop(): Promise<void>;
  /** SIGKILLs one of its brokers (`kafka`, `kafka-2`, ...), as in a crash, and leaves the others running. */
  kill(broker: ComponentName): Promise<void>;
}

/**
 * Starts a broker in a fresh state folder under the system's temporary folder, on free ports, with the jars of the
 * shared broker (`kafkaLibsDir`: nothing is resolved or downloaded) and the given database server (only Kafka is
 * started). The caller stops it.
 */
export async function startPrivateKafka(given: {
  kafkaLibsDir: string;
  databaseUrl: string;
  /** a KRaft cluster of that many brokers (1 when not given). */
  brokers?: number;
}): Promise<PrivateKafka> {
  const home = await mkdtemp(join(tmpdir(), 'enlace-kafka-'));
  await mkdir(join(home, 'kafka'), { recursive: true });
  await symlink(given.kafkaLibsDir, join(home, 'kafka', 'libs'));
  const brokers = given.brokers ?? 1;
  const base = await findFreeBasePort(
    Array.from({ length: brokers }, (_, i) => [0, 1, 2].map((port) => port + i * KAFKA_BROKER_PORT_STEP)).flat(),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ...(process.env['JAVA_HOME'] && { JAVA_HOME: process.env['JAVA_HOME'] }),
    ENLACE_HOME: home,
    ENLACE_KAFKA_PORT: String(base),
    ENLACE_KAFKA_CONTROLLER_PORT: String(base + 1),
    ENLACE_KAFKA_TLS_PORT: String(base + 2),
    ENLACE_KAFKA_CLUSTER_SIZE: String(brokers),
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
  const kill = async (broker: ComponentName): Promise<void> => {
    if (!(await stopInfraComponent(broker, { env, log: quiet, kill: true })))
      throw new Error(`${broker} was not running`);
  };
  try {
    return { endpoints: await ensureInfra({ env, log: quiet }), stop, kill };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
