import { withEnvelopeTraceparent } from '@enlace/observability/tracing';
import { CompressionTypes, Kafka, Partitioners, Producer, type PartitionMetadata, type RecordMetadata } from 'kafkajs';
import { DroppedRecordsError } from './dropped-records.error';
import { EnvelopePublisher, TopicRecords } from './envelope-publisher.port';
import { OutboundRecord } from './kafka-record.types';
import { TopicPartitionsCache } from './topic-partitions.cache';

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

/** `topic[partition]`, as the check of a produce's answers names a partition. */
const partitionName = (topic: string, partition: number) => `${topic}[${partition}]`;

/**
 * Produces to the network's topics with the idempotent producer and acks from all replicas: a record that is
 * acknowledged is on the broker exactly once, and the records of one call keep their order per key.
 *
 * Each record's partition is chosen here, by the client's own default partitioner (the same one it would apply, so a
 * key keeps its partition), and a produce counts as done only when every partition written to answered: kafkajs can
 * report a produce done while it dropped the records of a partition whose leader moved during its retries (seen on
 * a cluster of three brokers with one killed), and that must fail and be sent again instead.
 */
export class KafkaEnvelopePublisher implements EnvelopePublisher {
  private readonly producer: Producer;
  private readonly partitions: TopicPartitionsCache;
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // the partition is chosen here, by the same partitioner (said explicitly, which also quiets kafkajs' warning)
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.partitions = new TopicPartitionsCache(kafka);
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
    const partitionsOf = await this.partitions.partitionsOf(batches.map((batch) => batch.topic));
    for (const request of requestsOf(batches)) {
      const written = new Set<string>();
      const topicMessages = request.map(({ topic, records }) => ({
        topic,
        messages: records.map((record) => {
          const message = {
            key: record.key,
            value: record.value,
            headers:
              record.headers || record.traceparent
                ? withEnvelopeTraceparent({ ...record.headers }, record.traceparent)
                : undefined,
          };
          const partitionMetadata = partitionsOf.get(topic) as PartitionMetadata[];
          const partition = this.partitioner({ topic, partitionMetadata, message });
          written.add(partitionName(topic, partition));
          return { ...message, partition };
        }),
      }));
      const answers = await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
      assertEveryPartitionAnswered(written, answers);
    }
  }

  async disconnect(): Promise<void> {
    await this.partitions.disconnect();
    if (!this.connected) return;
    this.connected = undefined;
    await this.producer.disconnect();
  }
}

/** Throws DroppedRecordsError when a partition the records went to is missing from the produce's answers. */
export function assertEveryPartitionAnswered(written: ReadonlySet<string>, answers: readonly RecordMetadata[]): void {
  const answered = new Set(answers.map((answer) => partitionName(answer.topicName, answer.partition)));
  const missing = [...written].filter((partition) => !answered.has(partition));
  if (missing.length > 0) throw new DroppedRecordsError(missing);
}
