import { DeadLetterHeaders, InboundRecord } from '@enlace/messaging';
import { deadLetterId } from '../dead-letters/domain/dead-letter-id';
import { DeadLetterRecord, DeadLetterRepository } from '../dead-letters/persistence/dead-letter.repository';
import { toDeadLetterView } from '../dead-letters/dto/dead-letter.view';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { EnvelopeHeaderReader } from './envelope-header.reader';

const DEAD_LETTER_TOPIC = /^enlace\.[^.]+\.deadletter\.([A-Z]{2})$/;

/** Keeps where each dead letter is and why: its headers and, when readable, its envelope's routing facts. */
export class DeadLetterRecordIngestor {
  constructor(
    private readonly headers: EnvelopeHeaderReader,
    private readonly deadLetters: DeadLetterRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const deadLetters = records.flatMap((record) => this.describe(record) ?? []);
    for (const kept of await this.deadLetters.recordAll(deadLetters)) {
      this.events.publish({ kind: 'dead-letter', deadLetter: toDeadLetterView(kept) });
    }
  }

  private describe(record: InboundRecord): DeadLetterRecord | undefined {
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
      redriveCount: 0,
      lastRedrivenAt: null,
      lastRedrivenBy: null,
    };
  }
}
