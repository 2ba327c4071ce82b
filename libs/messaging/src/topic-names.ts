/**
 * Every Kafka topic name of the network lives here, so that producers, consumers, the monitor and the ACLs of
 * the broker agree on them (docs/architecture.md §2).
 */
export const TopicNames = {
  /** Envelopes addressed to one country, keyed by case id so that one case's messages stay ordered. */
  inbox: (network: string, country: string): string => `enlace.${network}.inbox.${country.toUpperCase()}`,
  /** What a country's courier could not accept, with the reason in the record headers. */
  deadLetter: (network: string, country: string): string => `enlace.${network}.deadletter.${country.toUpperCase()}`,
  /** Compacted, signed member entries. */
  directory: (network: string): string => `enlace.${network}.directory`,
  /** Announcements of overdue steps (deadline.*): facts of timing only, never personal data; the monitor reads them. */
  deadlines: (network: string): string => `enlace.${network}.deadlines`,
  /** Each node's liveness and consumer lag (node.heartbeat.*), for the monitor. */
  heartbeats: (network: string): string => `enlace.${network}.heartbeats`,
  /** Each node's signed statistics reports (statistics-report.*): suppressed aggregates only, for the monitor. */
  statistics: (network: string): string => `enlace.${network}.statistics`,
  /** Each node's signed audit checkpoints (audit-checkpoint.*): its audit log's length and last seal, for the monitor. */
  auditCheckpoints: (network: string): string => `enlace.${network}.audit-checkpoints`,
} as const;

/**
 * Consumer group ids. Each principal of the network may use only the groups under its own prefix (the broker's
 * ACLs grant READ on the prefix), so a country cannot join, or read the offsets of, another country's groups.
 */
export const ConsumerGroups = {
  /** The prefix of every group of one country's node. */
  countryPrefix: (network: string, country: string): string => `enlace.${network}.${country.toUpperCase()}.`,
  /** The courier reading its country's inbox. */
  courierInbox: (network: string, country: string): string => `enlace.${network}.${country.toUpperCase()}.courier`,
  /** One process reading the whole directory topic (each process under its own instance id). */
  directoryReader: (network: string, country: string, instance: string): string =>
    `enlace.${network}.${country.toUpperCase()}.directory.${instance}`,
  /** The secretariat's monitor reading the whole directory topic (under the monitor's prefix, as its ACLs allow). */
  monitorDirectoryReader: (network: string, instance: string): string =>
    `enlace.${network}.monitor.directory.${instance}`,
  /** The prefix of the secretariat monitor's groups (`enlace.<net>.monitor`, `enlace.<net>.monitor.redrive.<id>`). */
  monitorPrefix: (network: string): string => `enlace.${network}.monitor`,
  /** The monitor's group for everything but the heartbeats: inboxes, dead letters, deadlines, statistics. */
  monitor: (network: string): string => `enlace.${network}.monitor`,
  /**
   * The monitor's group for the heartbeats alone: a heartbeat must not wait in one fetch behind a backlog of
   * envelopes being counted, or every node shows as down while each is answering.
   */
  monitorHeartbeats: (network: string): string => `enlace.${network}.monitor.heartbeats`,
} as const;
