import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { EnvelopeHeader, EnvelopeSealer, UnknownRecipientError } from '@enlace/envelope';
import { EnvelopePublisher, OutboundRecord, TopicNames } from '@enlace/messaging';
import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import {
  NodeChannels,
  NotifiedWorker,
  OutboxEntry,
  OutboxRelayOutcome,
  OutboxRelayStore,
  StoredCaseKey,
} from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER, MEMBER_DIRECTORY, OUTBOX_RELAY_STORE, PERSONAL_DATA_VAULT } from '../courier.tokens';
import { messageSchemaId } from '@enlace/contracts';
import { EnvelopeMetrics, MetricsRegistry, envelopeLabels } from '@enlace/observability';
import { envelopeSpanAttributes, failSpan, startEnvelopeSpan, traceparentOf } from '@enlace/observability/tracing';
import { SpanKind, type Span } from '@opentelemetry/api';
import { Counter } from 'prom-client';

/**
 * Takes what node-api committed to the outbox, seals and signs it, and produces it to the addressee's inbox topic.
 * node-api's commit wakes it (a slow sweep finds what a lost notification would leave); a round that follows another
 * closely waits a few milliseconds (relayGatherMs) so that a stream of messages goes out several a round. A batch is
 * claimed in the order written, produced together (one request for all the addressees' topics), and marked sent in
 * the same transaction, after the broker acknowledged it; a crash in between sends it again with the same envelope
 * ids, which the receiver recognises as duplicates. An entry addressed to a country with no valid key in the network's directory, even after reading the
 * directory again, is set aside with its reason (the case shows it), so that it does not hold back everything the
 * node sends after it.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly worker: NotifiedWorker;
  private readonly sentCount: Counter<'from' | 'to' | 'type'>;
  private readonly setAsideCount: Counter<'from' | 'to' | 'type'>;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(OUTBOX_RELAY_STORE) private readonly store: OutboxRelayStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly sealer: EnvelopeSealer,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    metrics: MetricsRegistry,
    @Optional() @Inject(MEMBER_DIRECTORY) private readonly directory?: { refresh?: () => Promise<void> },
  ) {
    this.sentCount = EnvelopeMetrics.sent(metrics);
    this.setAsideCount = EnvelopeMetrics.setAside(metrics);
    this.worker = new NotifiedWorker(async () => (await this.relayOnce()) >= config.relayBatchSize, {
      url: config.databaseUrl,
      channels: [NodeChannels.outbox],
      sweepMs: config.relayPollMs,
      gatherMs: config.relayGatherMs,
      errorMs: 1_000,
      onError: (error) => this.logger.warn(`outbox relay paused after an error: ${error.message}`),
      onListenerLost: () => this.logger.warn('lost the outbox notifications; listening again'),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Claims, sends and marks one batch; returns how many entries it claimed. */
  relayOnce(): Promise<number> {
    return this.store.relay(this.config.relayBatchSize, (entries, keys) => this.send(entries, keys));
  }

  /**
   * Each entry's send is a span of the trace its outbox row names (the API request that wrote it), and its record
   * carries that span's traceparent: the addressee's courier continues the same trace.
   */
  private async send(
    entries: readonly OutboxEntry[],
    keys: ReadonlyMap<string, StoredCaseKey>,
  ): Promise<OutboxRelayOutcome> {
    const spans = entries.map((entry) =>
      startEnvelopeSpan('envelope send', entry.traceparent, {
        kind: SpanKind.PRODUCER,
        attributes: envelopeSpanAttributes({
          id: entry.envelopeId,
          type: entry.type,
          from: this.config.country,
          to: entry.to,
        }),
      }),
    );
    try {
      return await this.sendTraced(entries, keys, spans);
    } catch (error) {
      for (const span of spans) failSpan(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  private async sendTraced(
    entries: readonly OutboxEntry[],
    keys: ReadonlyMap<string, StoredCaseKey>,
    spans: readonly Span[],
  ): Promise<OutboxRelayOutcome> {
    const byTopic = new Map<string, { ids: string[]; records: OutboundRecord[]; entries: OutboxEntry[] }>();
    const undeliverable: { envelopeId: string; reason: string }[] = [];
    const setAside: OutboxEntry[] = [];
    const directoryRead = { once: false };
    const payloads = await this.payloadsOf(entries, keys);
    for (const [i, entry] of entries.entries()) {
      const payload = payloads[i];
      if (payload === undefined) {
        // Its case's key was destroyed: the case was erased, and nothing of it may leave any more.
        undeliverable.push({ envelopeId: entry.envelopeId, reason: 'CASE_ERASED' });
        setAside.push(entry);
        continue;
      }
      const sealed = await this.sealOrSetAside(entry, payload, directoryRead);
      if ('reason' in sealed) {
        undeliverable.push({ envelopeId: entry.envelopeId, reason: sealed.reason });
        setAside.push(entry);
        continue;
      }
      const topic = TopicNames.inbox(this.config.network, entry.to);
      const batch = byTopic.get(topic) ?? { ids: [], records: [], entries: [] };
      batch.ids.push(entry.envelopeId);
      batch.entries.push(entry);
      const traceparent = traceparentOf(spans[i] as Span);
      batch.records.push({ key: entry.caseId, value: sealed.wire, ...(traceparent ? { traceparent } : {}) });
      byTopic.set(topic, batch);
    }
    await this.publisher.publishAll([...byTopic].map(([topic, batch]) => ({ topic, records: batch.records })));
    // Counted once the broker acknowledged them; a crash before the store marks them sends (and counts) them again.
    for (const batch of byTopic.values()) for (const entry of batch.entries) this.sentCount.inc(this.labelsOf(entry));
    for (const entry of setAside) this.setAsideCount.inc(this.labelsOf(entry));
    return { sent: [...byTopic.values()].flatMap((batch) => batch.ids), undeliverable };
  }

  /**
   * The entries' messages: opened with their cases' keys (read with the claim, once for the batch) when sealed at
   * rest; undefined for an entry whose case's key was destroyed.
   */
  private async payloadsOf(
    entries: readonly OutboxEntry[],
    keys: ReadonlyMap<string, StoredCaseKey>,
  ): Promise<(Record<string, unknown> | undefined)[]> {
    const sealed = entries.filter((entry) => entry.sealedPayload !== undefined);
    const opened = await this.vault.openManyWith<Record<string, unknown>>(
      keys,
      sealed.map((entry) => ({
        caseId: entry.caseId,
        purpose: SealedUse.outbox(entry.envelopeId),
        sealed: entry.sealedPayload as string,
      })),
    );
    const byId = new Map(sealed.map((entry, i) => [entry.envelopeId, opened[i]]));
    return entries.map((entry) => {
      if (entry.sealedPayload === undefined) return entry.payload ?? {};
      const payload = byId.get(entry.envelopeId);
      if (payload === undefined) {
        this.logger.warn({
          msg: `outbox entry ${entry.envelopeId} not sent: its case was erased`,
          correlationId: entry.correlationId,
        });
      }
      return payload;
    });
  }

  /** The sealed wire, or the reason the entry is set aside (its addressee has no valid key). */
  private async sealOrSetAside(
    entry: OutboxEntry,
    payload: Record<string, unknown>,
    directoryRead: { once: boolean },
  ): Promise<{ wire: string } | { reason: string }> {
    try {
      return { wire: await this.sealer.seal(this.headerOf(entry), payload) };
    } catch (error) {
      if (!(error instanceof UnknownRecipientError)) throw error;
      if (!directoryRead.once && this.directory?.refresh) {
        // A member issued a moment ago may not be read yet: read the directory to its end, once a batch, and retry.
        directoryRead.once = true;
        await this.directory.refresh();
        return this.sealOrSetAside(entry, payload, directoryRead);
      }
      // Envelope id, type and country codes only: never the payload.
      this.logger.warn({
        msg: `outbox entry ${entry.envelopeId} (${entry.type} to ${entry.to}) set aside: ${error.code}`,
        correlationId: entry.correlationId,
      });
      return { reason: error.code };
    }
  }

  private labelsOf(entry: OutboxEntry): Record<'from' | 'to' | 'type', string> {
    return envelopeLabels({ from: this.config.country, to: entry.to, type: entry.type });
  }

  private headerOf(entry: OutboxEntry): EnvelopeHeader {
    return {
      id: entry.envelopeId,
      type: entry.type,
      network: this.config.network,
      from: this.config.country,
      to: entry.to,
      caseId: entry.caseId,
      correlationId: entry.correlationId,
      ...(entry.causationId ? { causationId: entry.causationId } : {}),
      sentAt: new Date().toISOString(),
      schema: messageSchemaId(entry.type),
    };
  }
}
