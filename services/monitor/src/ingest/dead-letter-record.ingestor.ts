import { DeadLetterHeaders, InboundRecord } from '@enlace/messaging';
import { deadLetterId } from '../dead-letters/domain/dead-letter-id';
import { DeadLetterRecord, DeadLetterRepository } from '../dead-letters/persistence/dead-letter.repository';
import { toDeadLetterView } from '../dead-letters/dto/dead-letter.view';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { EnvelopeHeaderReader } from './envelope-header.reader';

const DEAD_LETTER_TOPIC = /^enlace\.[^.]+\.deadletter\.([A-Z]{2})$/;

/**
 * Keeps where each dead letter is and why: its headers, when readable its envelope's routing facts, and whether the
 * envelope's signature holds against the directory, so that the secretariat tells a forged or unreadable record
 * (unverified: its routing facts are only what it claims) from a genuine envelope a courier refused.
 */
export class DeadLetterRecordIngestor {
  constructor(
    private readonly headers: EnvelopeHeaderReader,
    private readonly deadLetters: DeadLetterRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const deadLetters: DeadLetterRecord[] = [];
    for (const record of records) {
      const described = await this.describe(record);
      if (described) deadLetters.push(described);
    }
    for (const kept of await this.deadLetters.recordAll(deadLetters)) {
      this.events.publish({ kind: 'dead-letter', deadLetter: toDeadLetterView(kept) });
    }
  }

  private async describe(record: InboundRecord): Promise<DeadLetterRecord | undefined> {
    const country = DEAD_LETTER_TOPIC.exec(record.topic)?.[1];
    if (!country) return undefined;
    const h = record.headers;
    const envelope = this.headers.unverifiedFacts(record.value);
    const deadLetteredAt = new Date(h[DeadLetterHeaders.deadLetteredAt] ?? '');
    return {
      _id: deadLetterId(country, record.partition, record.offset),
      country,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      reason: (h[DeadLetterHeaders.reason] ?? 'UNKNOWN').slice(0, 100),
      detail: (h[DeadLetterHeaders.detail] ?? '').slice(0, 500),
      originalTopic: h[DeadLetterHeaders.originalTopic] ?? '',
      originalPartition: Number(h[DeadLetterHeaders.originalPartition] ?? -1),
      originalOffset: h[DeadLetterHeaders.originalOffset] ?? '',
      deadLetteredAt: Number.isNaN(deadLetteredAt.getTime()) ? new Date() : deadLetteredAt,
      envelope: envelope
        ? { id: envelope.id, type: envelope.type, from: envelope.from, to: envelope.to, sentAt: envelope.sentAt }
        : null,
      envelopeVerified: envelope !== undefined && (await this.verifies(record.value)),
      redriveCount: 0,
      lastRedrivenAt: null,
      lastRedrivenBy: null,
    };
  }

  private async verifies(value: Buffer | null): Promise<boolean> {
    if (!value) return false;
    try {
      await this.headers.verifiedFacts(value);
      return true;
    } catch {
      return false;
    }
  }
}
