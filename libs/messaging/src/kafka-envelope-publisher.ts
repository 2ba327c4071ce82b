import { CompressionTypes, Kafka, Producer } from 'kafkajs';
import { EnvelopePublisher } from './envelope-publisher.port';
import { OutboundRecord } from './kafka-record.types';

/**
 * Produces to the network's topics with the idempotent producer and acks from all replicas: a record that is
 * acknowledged is on the broker exactly once, and the records of one call keep their order per key.
 */
export class KafkaEnvelopePublisher implements EnvelopePublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    try {
      await this.connected;
    } catch (error) {
      this.connected = undefined;
      throw error;
    }
  }

  async publish(topic: string, records: readonly OutboundRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.connect();
    await this.producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: records.map((record) => ({
        key: record.key,
        value: record.value,
        headers: record.headers ? { ...record.headers } : undefined,
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = undefined;
    await this.producer.disconnect();
  }
}
