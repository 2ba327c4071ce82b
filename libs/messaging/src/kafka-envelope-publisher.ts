import { CompressionTypes, Kafka, Producer } from 'kafkajs';
import { EnvelopePublisher } from './envelope-publisher.port';
import { OutboundRecord } from './kafka-record.types';

/**
 * Bytes of record values per produce request at most: the broker refuses a request over its message.max.bytes (1 MB
 * by default), so a long list is sent as several requests, one after the other, in order.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** The records cut, in order, into runs of at most MAX_REQUEST_BYTES (a record larger than that goes alone). */
function requestsOf(records: readonly OutboundRecord[]): OutboundRecord[][] {
  const requests: OutboundRecord[][] = [];
  let current: OutboundRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = record.value === null ? 0 : Buffer.byteLength(record.value);
    if (current.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

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
    for (const request of requestsOf(records)) {
      await this.producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: request.map((record) => ({
          key: record.key,
          value: record.value,
          headers: record.headers ? { ...record.headers } : undefined,
        })),
      });
    }
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = undefined;
    await this.producer.disconnect();
  }
}
