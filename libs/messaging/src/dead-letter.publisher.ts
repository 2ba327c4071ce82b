import { EnvelopePublisher } from './envelope-publisher.port';
import { InboundRecord } from './kafka-record.types';

/** Header names of a dead letter (also in contracts/asyncapi). */
export const DeadLetterHeaders = {
  reason: 'enlace-dead-letter-reason',
  detail: 'enlace-dead-letter-detail',
  originalTopic: 'enlace-original-topic',
  originalPartition: 'enlace-original-partition',
  originalOffset: 'enlace-original-offset',
  deadLetteredAt: 'enlace-dead-lettered-at',
} as const;

export interface DeadLetterReason {
  /** A stable code such as TAMPERED or CONTRACT_VIOLATION. */
  readonly code: string;
  /** Human-readable; must never quote payload content (it may hold personal data). */
  readonly detail: string;
}

/**
 * Keeps what could not be accepted, byte for byte, with why — so that nothing is lost and an operator can
 * redrive it once the cause is fixed.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly publisher: EnvelopePublisher,
    private readonly topic: string,
  ) {}

  async deadLetter(record: InboundRecord, reason: DeadLetterReason, now: Date = new Date()): Promise<void> {
    await this.publisher.publish(this.topic, [
      {
        key: record.key?.toString('utf8') ?? '',
        value: record.value ?? Buffer.alloc(0),
        headers: {
          [DeadLetterHeaders.reason]: reason.code,
          [DeadLetterHeaders.detail]: reason.detail.slice(0, 500),
          [DeadLetterHeaders.originalTopic]: record.topic,
          [DeadLetterHeaders.originalPartition]: String(record.partition),
          [DeadLetterHeaders.originalOffset]: record.offset,
          [DeadLetterHeaders.deadLetteredAt]: now.toISOString(),
        },
      },
    ]);
  }
}
