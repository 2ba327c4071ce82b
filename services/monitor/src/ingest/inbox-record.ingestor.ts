import { Logger } from '@nestjs/common';
import { RECEIPT_TYPE } from '@enlace/contracts';
import { EnvelopeError } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { Kysely, Transaction } from 'kysely';
import { MonitorDatabase } from '../database/monitor-database.schema';
import { inMonitorTransaction } from '../database/monitor-transaction';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { OverdueAnswer, OverdueRepository } from '../overdue/persistence/overdue.repository';
import { ConversationState, EMPTY_CONVERSATION, recordInConversation } from '../statistics/domain/conversation';
import { EnvelopeFacts } from '../statistics/domain/envelope-facts';
import { EnvelopeTrace, admitEnvelope, recordReceipt, unseenTrace } from '../statistics/domain/envelope-trace';
import { IncrementBatch } from '../statistics/domain/increment-batch';
import { DelayKind, delayMeasured, envelopeCounted } from '../statistics/domain/statistics-increment';
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

type PendingEvent = Parameters<MonitorEventBus['publish']>[0];

interface Measured {
  readonly kind: DelayKind;
  readonly of: EnvelopeFacts;
  readonly delayMs: number;
}

/** An envelope counted by this batch and the delays it closes. */
interface Counted {
  readonly envelope: EnvelopeFacts;
  readonly measured: Measured[];
}

/**
 * Counts the records of an inbox topic: each envelope in its corridor, the delivery delays its receipts close, the
 * answer delays it closes in its conversation, and the overdue steps it answers. A record read again counts once.
 * A batch is one transaction of a few statements (traces, conversations, counters, overdue answers), whatever its
 * size: it counts whole or not at all, and the events go out once it is committed.
 */
export class InboxRecordIngestor {
  private readonly logger = new Logger(InboxRecordIngestor.name);

  constructor(
    private readonly headers: EnvelopeHeaderReader,
    private readonly db: Kysely<MonitorDatabase>,
    private readonly traces: EnvelopeTraceRepository,
    private readonly conversations: ConversationRepository,
    private readonly statistics: StatisticsRepository,
    private readonly overdue: OverdueRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const envelopes = await this.verified(records);
    if (envelopes.length === 0) return;
    const events = await inMonitorTransaction(this.db, (trx) => this.count(trx, envelopes));
    for (const event of events) this.events.publish(event);
  }

  /** The envelopes of the records whose sender is proven, each id once, in the order read. */
  private async verified(records: readonly InboundRecord[]): Promise<EnvelopeFacts[]> {
    const byId = new Map<string, EnvelopeFacts>();
    for (const record of records) {
      if (!record.value || record.value.length === 0) continue;
      try {
        const envelope = await this.headers.verifiedFacts(record.value);
        if (!byId.has(envelope.id)) byId.set(envelope.id, envelope);
      } catch (error) {
        // The addressee's courier dead-letters it too; the monitor counts only envelopes whose sender is proven.
        if (!(error instanceof EnvelopeError)) throw error;
        this.logger.warn(`not counted ${record.topic}/${record.partition}@${record.offset}: ${error.code}`);
      }
    }
    return [...byId.values()];
  }

  private async count(trx: Transaction<MonitorDatabase>, envelopes: readonly EnvelopeFacts[]): Promise<PendingEvent[]> {
    // Every row a batch changes is locked first, tables in one order (traces, conversations, counters), so that
    // concurrent batches take turns on what they share.
    const counted = await this.admit(trx, envelopes);
    if (counted.length === 0) return [];
    const conversing = counted.filter(({ envelope }) => envelope.type !== RECEIPT_TYPE);
    await this.converse(trx, conversing);

    const batch = new IncrementBatch();
    for (const { envelope, measured } of counted) {
      batch.add(envelopeCounted(envelope));
      for (const { kind, of, delayMs } of measured) batch.add(delayMeasured(kind, of, of.sentAt, delayMs));
    }
    await this.statistics.noteCorridors(
      counted.map(({ envelope }) => envelope),
      trx,
    );
    await this.statistics.apply(batch, trx);
    // Headers name the case; an overdue step of that case waits on exactly this direction.
    const answers: OverdueAnswer[] = conversing.flatMap(({ envelope }) =>
      envelope.caseId
        ? [{ caseRef: envelope.caseId, lateCountry: envelope.from, waitingCountry: envelope.to, at: envelope.sentAt }]
        : [],
    );
    await this.overdue.markAnswered(answers, trx);

    return counted.flatMap(({ envelope, measured }): PendingEvent[] => [
      { kind: 'envelope', envelope: envelopeView(envelope) },
      ...measured.map(({ kind, of, delayMs }) => ({ kind, envelope: envelopeView(of), delayMs: Math.round(delayMs) })),
    ]);
  }

  /**
   * The envelopes counted for the first time, in the order read, each with the delivery delays it closes: its own
   * (its receipt came first) or, for a receipt, that of the envelope it names. Their traces are written back.
   */
  private async admit(trx: Transaction<MonitorDatabase>, envelopes: readonly EnvelopeFacts[]): Promise<Counted[]> {
    const receiptOf = (envelope: EnvelopeFacts) => (envelope.type === RECEIPT_TYPE ? envelope.causationId : undefined);
    const traces = await this.traces.lock(trx, [
      ...envelopes.map((envelope) => envelope.id),
      ...envelopes.flatMap((envelope) => receiptOf(envelope) ?? []),
    ]);
    const changed = new Map<string, EnvelopeTrace>();
    const trace = (id: string) => changed.get(id) ?? traces.get(id) ?? unseenTrace(id);

    const counted: Counted[] = [];
    for (const envelope of envelopes) {
      const admission = admitEnvelope(trace(envelope.id), envelope);
      if (!admission.firstSeen) continue;
      changed.set(envelope.id, admission.trace);
      const measured: Measured[] = [];
      if (admission.receiptSentAt) {
        const delayMs = admission.receiptSentAt.getTime() - envelope.sentAt.getTime();
        measured.push({ kind: 'delivery', of: envelope, delayMs });
      }
      const receiptFor = receiptOf(envelope);
      if (receiptFor) {
        const receipt = recordReceipt(trace(receiptFor), envelope.sentAt);
        changed.set(receiptFor, receipt.trace);
        if (receipt.delivered) {
          const delayMs = envelope.sentAt.getTime() - receipt.delivered.sentAt.getTime();
          measured.push({ kind: 'delivery', of: receipt.delivered, delayMs });
        }
      }
      counted.push({ envelope, measured });
    }
    await this.traces.save(trx, [...changed.values()]);
    return counted;
  }

  /** Records the envelopes in their conversations and adds the answer delays they close to what they measured. */
  private async converse(trx: Transaction<MonitorDatabase>, conversing: readonly Counted[]): Promise<void> {
    const conversations = await this.conversations.lock(
      trx,
      conversing.map(({ envelope }) => envelope.correlationId),
    );
    const changed = new Map<string, ConversationState>();
    for (const { envelope, measured } of conversing) {
      const id = envelope.correlationId;
      const state = changed.get(id) ?? conversations.get(id) ?? EMPTY_CONVERSATION;
      const recorded = recordInConversation(state, envelope);
      if (recorded.state !== state) changed.set(id, recorded.state);
      for (const answer of recorded.measured) {
        measured.push({ kind: 'answer', of: { ...answer.question, correlationId: id }, delayMs: answer.delayMs });
      }
    }
    await this.conversations.save(trx, changed);
  }
}
