import type { InfraEndpoints } from '../infra-control';

/**
 * Where a node or the monitor finds the broker: its plain listener, or with `overTls` its TLS listener and the
 * authority to trust for it (KAFKA_SSL=true, KAFKA_SSL_CA_FILE), as processes on a network's broker run in production.
 */
export function brokerLinkEnv(
  infra: Pick<InfraEndpoints, 'kafkaBrokers' | 'kafkaTls'>,
  overTls: boolean | undefined,
): Record<string, string> {
  if (!overTls) return { KAFKA_BROKERS: infra.kafkaBrokers };
  if (infra.kafkaTls === undefined) throw new Error('overTls: the broker has no TLS listener (infra.kafkaTls)');
  return { KAFKA_BROKERS: infra.kafkaTls.brokers, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: infra.kafkaTls.caFile };
}
