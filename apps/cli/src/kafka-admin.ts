import { createKafkaClient, parseBrokerList } from '@enlace/messaging';
import type { Kafka } from 'kafkajs';

/**
 * The network's broker as an operator's command reaches it: --brokers or KAFKA_BROKERS, with the credentials of
 * KAFKA_SASL_* (the broker's administrator for provisioning, the directory authority's principal for publishing).
 */
export function operatorKafka(brokers: string | undefined, clientId: string): Kafka {
  const list = brokers ?? process.env['KAFKA_BROKERS'];
  if (!list) throw new Error('--brokers or KAFKA_BROKERS is needed');
  return createKafkaClient({ brokers: parseBrokerList(list), clientId });
}
