import { OutboundRecord } from './kafka-record.types';

/** Where sealed envelopes and receipts go: a topic of the network. */
export interface EnvelopePublisher {
  publish(topic: string, records: readonly OutboundRecord[]): Promise<void>;
}
