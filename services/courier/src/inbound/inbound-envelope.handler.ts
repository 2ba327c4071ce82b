import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ContractViolation, MessageValidator, RECEIPT_TYPE } from '@enlace/contracts';
import {
  DuplicateEnvelopeError,
  EnvelopeError,
  EnvelopeHeader,
  EnvelopeOpener,
  OpenedEnvelope,
  OwnKeyUnusableError,
  UnknownSenderError,
} from '@enlace/envelope';
import {
  COMMIT_NOW,
  ConsumptionHalt,
  DeadLetterPublisher,
  FailureCounter,
  InboundRecord,
  isTransientBrokerFailure,
} from '@enlace/messaging';
import { EnvelopeLabel, EnvelopeMetrics, MetricsRegistry, envelopeLabels } from '@enlace/observability';
import {
  TRACEPARENT_HEADER,
  envelopeSpanAttributes,
  failSpan,
  startEnvelopeSpan,
  traceparentOf,
} from '@enlace/observability/tracing';
import { SpanKind, type Span } from '@opentelemetry/api';
import { CaseKeyUnopenableError, PersonalDataVault, SealedUse } from '@enlace/privacy';
import { Counter, Histogram } from 'prom-client';
import { InboxEntry, InboxStore, isTransientStoreFailure } from '@enlace/store';
import { DEAD_LETTER_PUBLISHER, INBOX_STORE, MEMBER_DIRECTORY, PERSONAL_DATA_VAULT } from '../courier.tokens';
import { DeliveryReceiptSender } from './delivery-receipt.sender';

/** Tries of a record that fails for no passing cause before it goes to the dead letters (kafkajs backs off between). */
export const MAX_RECORD_TRIES = 5;

/**
 * The node's border for what arrives: verify the sender's signature, open the payload, check it against the
 * contract, keep it once in the inbox, and answer with a signed delivery receipt. What can never be accepted goes
 * to the dead-letter topic with its reason; what fails for a passing cause (the broker away) is thrown, so the record
 * is not committed and comes back, as often as it takes. What fails by the node's own fault — its database away, its
 * own encryption key or its key-encryption key unusable — is never blamed on the sender: ConsumptionHalt pauses the
 * partition and the record is taken once the fault is fixed. A record that keeps failing for any other cause (a
 * poison message) goes to the dead letters after MAX_RECORD_TRIES, so that it does not block its partition.
 */
@Injectable()
export class InboundEnvelopeHandler {
  private readonly logger = new Logger(InboundEnvelopeHandler.name);
  /** The last arrival time given, so that each is later than the one before: node-api applies in that order. */
  private lastReceivedAt = 0;
  private readonly tries = new FailureCounter(MAX_RECORD_TRIES);
  private readonly receivedCount: Counter<EnvelopeLabel>;
  private readonly deadLetteredCount: Counter<EnvelopeLabel>;
  private readonly deliveryLatency: Histogram<EnvelopeLabel>;

  constructor(
    private readonly opener: EnvelopeOpener,
    private readonly validator: MessageValidator,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    @Inject(DEAD_LETTER_PUBLISHER) private readonly deadLetters: DeadLetterPublisher,
    private readonly receipts: DeliveryReceiptSender,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Optional() @Inject(MEMBER_DIRECTORY) private readonly directory?: { refresh?: () => Promise<void> },
    @Optional() metrics: MetricsRegistry = new MetricsRegistry({ defaultMetrics: false }),
  ) {
    this.receivedCount = EnvelopeMetrics.received(metrics);
    this.deadLetteredCount = EnvelopeMetrics.deadLettered(metrics);
    this.deliveryLatency = EnvelopeMetrics.deliveryLatency(metrics);
  }

  /** Returns whether the record went to the dead letters. */
  async handle(record: InboundRecord): Promise<boolean> {
    const key = `${record.topic}/${record.partition}@${record.offset}`;
    try {
      const deadLettered = await this.handleOnce(record);
      this.tries.succeeded(key);
      return deadLettered;
    } catch (error) {
      haltOnOwnFault(error);
      if (isTransientBrokerFailure(error)) throw error;
      const { tries, exhausted } = this.tries.failed(key);
      const name = error instanceof Error ? error.name : typeof error;
      if (!exhausted) {
        this.logger.warn(`record ${key} failed (try ${tries} of ${MAX_RECORD_TRIES}): ${name}`);
        throw error;
      }
      // The error's name only: a message may quote what it failed on, and that may be personal data.
      await this.reject(record, 'UNPROCESSABLE', `failed ${tries} times, last with ${name}`);
      return true;
    }
  }

  /**
   * Many consecutive records of one partition, stored with one statement and answered with one produce per sender
   * (a backlog after an outage costs no round trip per message). Should anything in the batch fail for no passing
   * cause, its records are handled again one by one, so that only a poison record is counted and, in the end,
   * dead-lettered. Nothing is dead-lettered before the batch's entries are stored and receipted: a batch given back
   * after a passing failure does not dead-letter a record twice; and a batch that dead-lettered one asks for its
   * offsets to be committed at once (COMMIT_NOW), so that a crash soon after does not send it there again.
   */
  async handleBatch(records: readonly InboundRecord[]): Promise<void | typeof COMMIT_NOW> {
    const spans = records.map(receiptSpanOf);
    try {
      return await this.handleBatchTraced(records, spans);
    } finally {
      for (const span of spans) span.end();
    }
  }

  private async handleBatchTraced(
    records: readonly InboundRecord[],
    spans: readonly Span[],
  ): Promise<void | typeof COMMIT_NOW> {
    try {
      const refused: { record: InboundRecord; code: string; detail: string }[] = [];
      const arrivals: OpenedEnvelope<Record<string, unknown>>[] = [];
      const arrivalSpans: Span[] = [];
      for (const [i, record] of records.entries()) {
        const checked = await this.check(record, false);
        if (checked === 'duplicate') continue;
        if ('code' in checked) refused.push({ record, ...checked });
        else {
          arrivals.push(checked);
          arrivalSpans.push(traced(spans[i] as Span, checked));
        }
      }
      const stored = await this.inbox.record(await this.entriesOf(arrivals, arrivalSpans));
      this.countArrivals(arrivals.filter((_, i) => stored[i] !== 'duplicate'));
      await this.receipts.sendMany(
        arrivals
          .map((opened, i) => ({
            received: opened.header,
            digest: opened.digest,
            duplicate: stored[i] === 'duplicate',
          }))
          .filter((answer) => answer.received.type !== RECEIPT_TYPE),
      );
      for (const { record, code, detail } of refused) await this.reject(record, code, detail);
      return refused.length > 0 ? COMMIT_NOW : undefined;
    } catch (error) {
      for (const span of spans) failSpan(span, error);
      haltOnOwnFault(error);
      if (isTransientBrokerFailure(error)) throw error;
      let deadLettered = false;
      for (const record of records) deadLettered = (await this.handle(record)) || deadLettered;
      return deadLettered ? COMMIT_NOW : undefined;
    }
  }

  /** Returns whether the record went to the dead letters. */
  private async handleOnce(record: InboundRecord): Promise<boolean> {
    const span = receiptSpanOf(record);
    try {
      return await this.handleOnceTraced(record, span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  private async handleOnceTraced(record: InboundRecord, span: Span): Promise<boolean> {
    const checked = await this.check(record, true);
    if (checked === 'duplicate') return false;
    if ('code' in checked) {
      await this.reject(record, checked.code, checked.detail);
      return true;
    }
    const [stored] = await this.inbox.record(await this.entriesOf([checked], [traced(span, checked)]));
    if (stored !== 'duplicate') this.countArrivals([checked]);
    if (checked.header.type !== RECEIPT_TYPE) {
      await this.receipts.send(checked.header, checked.digest, stored === 'duplicate');
    }
    return false;
  }

  /**
   * The record opened and checked against its contract, or why it can never be accepted. With `seenBefore`, an
   * envelope already in the inbox is answered with another receipt at once ('duplicate'); without, the store says.
   */
  private async check(
    record: InboundRecord,
    seenBefore: boolean,
  ): Promise<OpenedEnvelope<Record<string, unknown>> | 'duplicate' | { code: string; detail: string }> {
    if (!record.value || record.value.length === 0) return { code: 'MALFORMED', detail: 'empty record' };
    const wire = record.value.toString('utf8');
    try {
      const opened = await this.openKnowingEverySender(wire, seenBefore);
      this.validator.assertHeader(opened.header);
      this.validator.assertPayload(opened.header.type, opened.payload);
      return opened;
    } catch (error) {
      if (error instanceof DuplicateEnvelopeError) {
        await this.acknowledgeDuplicate(wire);
        return 'duplicate';
      }
      if (error instanceof EnvelopeError) return { code: error.code, detail: error.message };
      if (error instanceof ContractViolation) return { code: 'CONTRACT_VIOLATION', detail: error.message };
      throw error;
    }
  }

  /**
   * The inbox entries of opened envelopes, each arriving later than the one before. At rest, the opened message is
   * sealed with its case's key; for a case whose key was destroyed (the person's data erased) it is kept without it.
   */
  private async entriesOf(
    arrivals: readonly OpenedEnvelope<Record<string, unknown>>[],
    spans: readonly Span[],
  ): Promise<InboxEntry[]> {
    const sealed = await this.vault.sealMany(
      arrivals.map(({ header, payload }) => ({
        caseId: header.caseId,
        purpose: SealedUse.inbox(header.id),
        value: payload,
      })),
    );
    return arrivals.map(({ header, digest }, i) => {
      const sealedPayload = sealed[i];
      const traceparent = traceparentOf(spans[i] as Span);
      return {
        envelopeId: header.id,
        type: header.type,
        from: header.from,
        caseId: header.caseId,
        correlationId: header.correlationId,
        ...(header.causationId ? { causationId: header.causationId } : {}),
        sentAt: new Date(header.sentAt),
        receivedAt: this.nextReceivedAt(),
        digest,
        ...(sealedPayload === undefined ? { payloadWithheld: 'CASE_ERASED' as const } : { sealedPayload }),
        ...(traceparent ? { traceparent } : {}),
      };
    });
  }

  /**
   * An unknown sender may be a member issued a moment ago whose entry this node has not read yet: read the directory
   * topic to its end and try once more before refusing (a refresh failing for a passing cause throws: retried).
   */
  private async openKnowingEverySender(
    wire: string,
    seenBefore: boolean,
  ): Promise<OpenedEnvelope<Record<string, unknown>>> {
    const open = () =>
      this.opener.open<Record<string, unknown>>(wire, seenBefore ? { isDuplicate: (id) => this.inbox.has(id) } : {});
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof UnknownSenderError) || this.directory?.refresh === undefined) throw error;
      await this.directory.refresh();
      return open();
    }
  }

  private nextReceivedAt(): Date {
    this.lastReceivedAt = Math.max(Date.now(), this.lastReceivedAt + 1);
    return new Date(this.lastReceivedAt);
  }

  /** A duplicate is not an error: the sender may not have seen our first receipt, so it gets another one. */
  private async acknowledgeDuplicate(wire: string): Promise<void> {
    const verified = await this.opener.verify(wire);
    if (verified.header.type !== RECEIPT_TYPE) await this.receipts.send(verified.header, verified.digest, true);
  }

  /**
   * Stored for the first time (committed): counted, and its delay from the sender's sent-at observed. An envelope
   * whose sent-at is ahead of our clock (the sender's runs fast) counts as no delay rather than a negative one.
   */
  private countArrivals(arrivals: readonly OpenedEnvelope<Record<string, unknown>>[]): void {
    const now = Date.now();
    for (const { header } of arrivals) {
      const labels = envelopeLabels(header);
      this.receivedCount.inc(labels);
      this.deliveryLatency.observe(labels, Math.max(0, now - Date.parse(header.sentAt)) / 1000);
    }
  }

  private async reject(record: InboundRecord, code: string, detail: string): Promise<void> {
    // What the header claims, read without any check (the record may be forged or broken): labels and ids only.
    const header = this.unverifiedHeaderOf(record);
    this.logger.warn({
      msg: `dead-lettered ${record.topic}/${record.partition}@${record.offset}: ${code}`,
      ...(typeof header?.correlationId === 'string' && { correlationId: header.correlationId }),
    });
    await this.deadLetters.deadLetter(record, { code, detail });
    this.deadLetteredCount.inc(envelopeLabels(header ?? {}));
  }

  private unverifiedHeaderOf(record: InboundRecord): Partial<EnvelopeHeader> | undefined {
    if (!record.value || record.value.length === 0) return undefined;
    try {
      return this.opener.readHeader(record.value);
    } catch {
      return undefined;
    }
  }
}

/**
 * Throws ConsumptionHalt for a fault of the node's own, naming it (never a key, never a payload): the record waits,
 * uncommitted, for the fault to be fixed instead of being counted towards the dead letters.
 */
function haltOnOwnFault(error: unknown): void {
  if (isTransientStoreFailure(error)) {
    throw new ConsumptionHalt(`the node's database is away (${(error as Error).message})`, { cause: error });
  }
  if (error instanceof CaseKeyUnopenableError || error instanceof OwnKeyUnusableError) {
    throw new ConsumptionHalt(`${error.message}; check the node's key files`, { cause: error });
  }
}

/**
 * The span of a record's receipt, continuing the trace its `traceparent` header names (the sender's send): the
 * inbox entry keeps its context, so that node-api's apply continues it again.
 */
function receiptSpanOf(record: InboundRecord): Span {
  return startEnvelopeSpan('envelope receive', record.headers[TRACEPARENT_HEADER], { kind: SpanKind.CONSUMER });
}

/** The span, with the routing facts of the envelope it received once its signature was checked. */
function traced(span: Span, opened: OpenedEnvelope<Record<string, unknown>>): Span {
  const { id, type, from, to } = opened.header;
  return span.setAttributes(envelopeSpanAttributes({ id, type, from, to }));
}
