import { OutboundRecord } from './kafka-record.types';

/** Where sealed envelopes and receipts go: a topic of the network. */
export interface EnvelopePublisher {
  publish(topic: string, records: readonly OutboundRecord[]): Promise<void>;
  /** Records for several topics produced together (one request where they fit), each topic's in the order given. */
  publishAll(batches: readonly TopicRecords[]): Promise<void>;
}

/** Records bound for one topic. */
export interface TopicRecords {
  readonly topic: string;
  readonly records: readonly OutboundRecord[];
}
