// How many brokers the local Kafka has, and what each of them is: one (the default) or a KRaft cluster of up to three,
// every broker its own controller too, for the tests and runs that need replication (`infra.ts up --brokers 3`).
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  HOST,
  MAX_KAFKA_CLUSTER_SIZE,
  kafkaBrokerPaths,
  kafkaBrokerPorts,
  type InfraPaths,
  type InfraPorts,
} from './paths';

/** One broker of the local cluster: its number (node.id), files and ports, and what it knows of the others. */
export interface KafkaClusterMember {
  readonly index: number;
  readonly size: number;
  /** controller.quorum.voters: every member's controller. */
  readonly voters: string;
  readonly paths: InfraPaths;
  readonly ports: InfraPorts;
}

/** ENLACE_KAFKA_CLUSTER_SIZE (what `--brokers` sets), when given. */
export function requestedClusterSize(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env['ENLACE_KAFKA_CLUSTER_SIZE'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_KAFKA_CLUSTER_SIZE) {
    throw new Error(
      `ENLACE_KAFKA_CLUSTER_SIZE (--brokers) must be a whole number from 1 to ${MAX_KAFKA_CLUSTER_SIZE}, got "${raw}"`,
    );
  }
  return size;
}

/** How many brokers the state folder's storage was formatted for; undefined while nothing is formatted. */
export function formattedClusterSize(paths: InfraPaths): number | undefined {
  if (!fs.existsSync(path.join(paths.kafka.data, 'meta.properties'))) return undefined;
  try {
    return Number(fs.readFileSync(paths.kafka.clusterSizeFile, 'utf8').trim()) || 1;
  } catch {
    return 1; // formatted before clusters existed: a single broker
  }
}

/**
 * The size of the local cluster: the one asked for, else the one the storage was formatted for, else 1. A KRaft
 * quorum's voters are fixed at format time, so asking for another size than the formatted one is refused, with how
 * to start anew.
 */
export function kafkaClusterSize(env: NodeJS.ProcessEnv, paths: InfraPaths): number {
  const requested = requestedClusterSize(env);
  const formatted = formattedClusterSize(paths);
  if (requested !== undefined && formatted !== undefined && requested !== formatted) {
    throw new Error(
      `the local Kafka in ${paths.kafka.dir} was formatted for ${formatted} broker(s), not ${requested}: stop it ` +
        `(infra.ts down) and remove ${path.join(paths.kafka.dir, 'data')} and its broker-* folders to start anew ` +
        '(local data only), or choose another ENLACE_HOME',
    );
  }
  return requested ?? formatted ?? 1;
}

/** Every broker of a cluster of `size`, each with its own files and ports. */
export function kafkaClusterMembers(paths: InfraPaths, ports: InfraPorts, size: number): KafkaClusterMember[] {
  const indexes = Array.from({ length: size }, (_, i) => i + 1);
  const voters = indexes.map((index) => `${index}@${HOST}:${kafkaBrokerPorts(ports, index).kafkaController}`).join(',');
  return indexes.map((index) => ({
    index,
    size,
    voters,
    paths: kafkaBrokerPaths(paths, index),
    ports: kafkaBrokerPorts(ports, index),
  }));
}

/** How many copies of each partition a topic gets on a cluster of `size`, and how many must have a write. */
export function replicationOf(size: number): { factor: number; minInsync: number } {
  return { factor: size, minInsync: size >= 3 ? 2 : 1 };
}
