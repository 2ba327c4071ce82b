import { Logger } from '@nestjs/common';
import { RECEIPT_TYPE } from '@enlace/contracts';
import { EnvelopeError } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { OverdueRepository } from '../overdue/persistence/overdue.repository';
import { recordInConversation } from '../statistics/domain/conversation';
import { EnvelopeFacts } from '../statistics/domain/envelope-facts';
import { IncrementBatch } from '../statistics/domain/increment-batch';
import { delayMeasured, envelopeCounted } from '../statistics/domain/statistics-increment';
import { ConversationRepository } from '../statistics/persistence/conversation.repository';
import { EnvelopeTraceRepository } from '../statistics/persistence/envelope-trace.repository';
import { StatisticsRepository } from '../statistics/persistence/statistics.repository';
import { EnvelopeHeaderReader } from './envelope-header.reader';

const envelopeView = (envelope: EnvelopeFacts) => ({
  id: envelope.id,
  type: envelope.type,
  from: envelope.from,
  to: envelope.to,
  sentAt: envelope.sentAt.toISOString(),
});

/**
 * Counts one record of an inbox topic: its envelope in its corridor, the delivery delay its receipt closes, the
 * answer delay it closes in its conversation, and the overdue steps it answers. A record read again counts once.
 */
export class InboxRecordIngestor {
  private readonly logger = new Logger(InboxRecordIngestor.name);

  constructor(
    private readonly headers: EnvelopeHeaderReader,
    private readonly traces: EnvelopeTraceRepository,
    private readonly conversations: ConversationRepository,
    private readonly statistics: StatisticsRepository,
    private readonly overdue: OverdueRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(record: InboundRecord): Promise<void> {
    if (!record.value || record.value.length === 0) return;
    let envelope: EnvelopeFacts;
    try {
      envelope = await this.headers.verifiedFacts(record.value);
    } catch (error) {
      // The addressee's courier dead-letters it too; the monitor counts only envelopes whose sender is proven.
      if (!(error instanceof EnvelopeError)) throw error;
      this.logger.warn(`not counted ${record.topic}/${record.partition}@${record.offset}: ${error.code}`);
      return;
    }
    const admission = await this.traces.admit(envelope);
    if (!admission.firstSeen) return;
    try {
      await this.count(envelope, admission.receiptSentAt);
    } catch (error) {
      await this.traces.release(envelope.id).catch(() => undefined);
      throw error;
    }
  }

  private async count(envelope: EnvelopeFacts, earlierReceiptSentAt: Date | undefined): Promise<void> {
    const batch = new IncrementBatch().add(envelopeCounted(envelope));
    const measured: { kind: 'delivery' | 'answer'; of: EnvelopeFacts; delayMs: number }[] = [];
    if (earlierReceiptSentAt) {
      measured.push({
        kind: 'delivery',
        of: envelope,
        delayMs: earlierReceiptSentAt.getTime() - envelope.sentAt.getTime(),
      });
    }
    if (envelope.type === RECEIPT_TYPE) {
      const received = envelope.causationId
        ? await this.traces.recordReceipt(envelope.causationId, envelope.sentAt)
        : undefined;
      if (received) {
        measured.push({
          kind: 'delivery',
          of: received,
          delayMs: envelope.sentAt.getTime() - received.sentAt.getTime(),
        });
      }
    } else {
      const answers = await this.conversations.update(envelope.correlationId, (state) => {
        const { state: next, measured: found } = recordInConversation(state, envelope);
        return { state: next, result: found };
      });
      for (const answer of answers) {
        measured.push({
          kind: 'answer',
          of: { ...answer.question, correlationId: envelope.correlationId },
          delayMs: answer.delayMs,
        });
      }
    }
    for (const { kind, of, delayMs } of measured) batch.add(delayMeasured(kind, of, of.sentAt, delayMs));
    await this.statistics.noteCorridors([envelope]);
    await this.statistics.apply(batch);
    if (envelope.type !== RECEIPT_TYPE) await this.markOverdueAnswered(envelope);

    this.events.publish({ kind: 'envelope', envelope: envelopeView(envelope) });
    for (const { kind, of, delayMs } of measured) {
      this.events.publish({ kind, envelope: envelopeView(of), delayMs: Math.round(delayMs) });
    }
  }

  /** Headers name the case; an overdue step of that case waits on exactly this direction. */
  private async markOverdueAnswered(envelope: EnvelopeFacts): Promise<void> {
    if (!envelope.caseId) return;
    await this.overdue.markAnswered(envelope.caseId, envelope.from, envelope.to, envelope.sentAt);
  }
}
