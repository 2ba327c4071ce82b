/**
 * Every Kafka topic name of the network lives here, so that producers, consumers, the monitor and the ACLs of
 * the broker agree on them (DESIGN.md §2).
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
} as const;
