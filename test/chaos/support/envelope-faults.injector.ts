import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DeadLetterHeaders, TopicNames } from '@enlace/messaging';
import { TopicRecord, readTopicRecords } from '@enlace/testing';

export interface InjectedGarbage {
  readonly topic: string;
  readonly value: Buffer;
}

/**
 * What the network itself might do wrong, done on purpose with the operator's client: deliver envelopes again, in
 * the wrong order and on other partitions than their case's, and put bytes on an inbox that are no envelope at all
 * (or an envelope with a broken signature). Remembers the garbage, so that the dead letters can be checked against it.
 */
export class EnvelopeFaultInjector {
  readonly garbage: InjectedGarbage[] = [];
  duplicates = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly network: string,
  ) {}

  /**
   * Re-produces up to `count` envelopes already on `country`'s inbox, newest first (so in reverse order), half of
   * them under another key, so that they also land on another partition than the rest of their case.
   */
  async duplicateAndReorder(country: string, count: number): Promise<number> {
    const topic = TopicNames.inbox(this.network, country);
    const records = await readTopicRecords(this.kafka, topic, 1, 60_000);
    const chosen = records.filter(isEnvelope).slice(-count).reverse();
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (const [index, record] of chosen.entries()) {
        // One send per record, so that the reversed order is the order on the partition.
        await producer.send({
          topic,
          acks: -1,
          messages: [{ key: index % 2 === 0 ? record.key : randomUUID(), value: record.value }],
        });
      }
    } finally {
      await producer.disconnect();
    }
    this.duplicates += chosen.length;
    return chosen.length;
  }

  /** Puts `count` records on `country`'s inbox that must go to its dead letters: junk, and tampered envelopes. */
  async injectGarbage(country: string, count: number): Promise<void> {
    const topic = TopicNames.inbox(this.network, country);
    const envelopes = (await readTopicRecords(this.kafka, topic, 1, 60_000)).filter(isEnvelope);
    const values: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const original = envelopes[i % envelopes.length];
      if (i % 2 === 1 && original) values.push(tamper(original.value));
      else values.push(Buffer.from(`chaos garbage ${i} ${randomUUID()}`, 'utf8'));
    }
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: randomUUID(), value })) });
    } finally {
      await producer.disconnect();
    }
    this.garbage.push(...values.map((value) => ({ topic, value })));
  }
}

/** A courier's own records are envelopes (compact JWS); what this injector wrote is not re-used. */
function isEnvelope(record: TopicRecord): boolean {
  return record.value.toString('utf8').split('.').length === 3 && !(DeadLetterHeaders.reason in record.headers);
}

/** The same envelope with one character of its signature changed: it must fail verification. */
function tamper(value: Buffer): Buffer {
  const text = value.toString('utf8');
  const at = text.length - 5;
  const changed = text.charAt(at) === 'A' ? 'B' : 'A';
  return Buffer.from(`${text.slice(0, at)}${changed}${text.slice(at + 1)}`, 'utf8');
}
