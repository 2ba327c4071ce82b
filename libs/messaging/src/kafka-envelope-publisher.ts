import { CompressionTypes, Kafka, Producer } from 'kafkajs';
import { EnvelopePublisher, TopicRecords } from './envelope-publisher.port';
import { OutboundRecord } from './kafka-record.types';

/**
 * Bytes of record values per produce request at most: the broker refuses a request over its message.max.bytes (1 MB
 * by default), so a long list is sent as several requests, one after the other, in order.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** The records cut, in order, into runs of at most MAX_REQUEST_BYTES (a record larger than that goes alone). */
function requestsOf(batches: readonly TopicRecords[]): TopicRecords[][] {
  const requests: TopicRecords[][] = [];
  let current = new Map<string, OutboundRecord[]>();
  let bytes = 0;
  const cut = () => {
    requests.push([...current].map(([topic, records]) => ({ topic, records })));
    current = new Map();
    bytes = 0;
  };
  for (const { topic, records } of batches) {
    for (const record of records) {
      const size = record.value === null ? 0 : Buffer.byteLength(record.value);
      if (current.size > 0 && bytes + size > MAX_REQUEST_BYTES) cut();
      const run = current.get(topic) ?? [];
      run.push(record);
      current.set(topic, run);
      bytes += size;
    }
  }
  if (current.size > 0) cut();
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
    await this.publishAll([{ topic, records }]);
  }

  /** One produce request per run of MAX_REQUEST_BYTES, whatever the number of topics; the runs one after the other. */
  async publishAll(batches: readonly TopicRecords[]): Promise<void> {
    if (batches.every((batch) => batch.records.length === 0)) return;
    await this.connect();
    for (const request of requestsOf(batches)) {
      await this.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: request.map(({ topic, records }) => ({
          topic,
          messages: records.map((record) => ({
            key: record.key,
            value: record.value,
            headers: record.headers ? { ...record.headers } : undefined,
          })),
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
