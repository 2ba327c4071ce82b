import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { EnvelopeHeader, EnvelopeSealer } from '@enlace/envelope';
import { EnvelopePublisher, OutboundRecord, PollingWorker, TopicNames } from '@enlace/messaging';
import { OutboxRelayStore, PendingOutboxEntry } from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER, OUTBOX_RELAY_STORE } from '../courier.tokens';
import { messageSchemaId } from '@enlace/contracts';

/**
 * Takes what node-api left in its outboxes, seals and signs it, and produces it to the addressee's inbox topic.
 * An entry is marked sent only after the broker acknowledged it; a crash in between sends it again with the same
 * envelope id, which the receiver recognises as a duplicate.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly worker: PollingWorker;
  /** When the last full sweep of the case collections ran; 0: the first round sweeps. */
  private sweptAt = 0;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(OUTBOX_RELAY_STORE) private readonly store: OutboxRelayStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly sealer: EnvelopeSealer,
  ) {
    this.worker = new PollingWorker(async () => (await this.relayOnce()) > 0, {
      idleMs: config.relayPollMs,
      errorMs: Math.max(config.relayPollMs, 1000),
      onError: (error) => this.logger.warn(`outbox relay paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /**
   * Sends one batch of pending entries; returns how many went out. Entries are found through the outbox pointers;
   * at start and every relaySweepMs, by a full scan of the cases instead (see OutboxQueueItem).
   */
  async relayOnce(): Promise<number> {
    const sweep = Date.now() - this.sweptAt >= this.config.relaySweepMs;
    const pending = sweep
      ? await this.store.sweepPending(this.config.relayBatchSize)
      : await this.store.findPending(this.config.relayBatchSize);
    if (sweep) this.sweptAt = Date.now();
    if (pending.length === 0) return 0;
    const byTopic = new Map<string, { entries: PendingOutboxEntry[]; records: OutboundRecord[] }>();
    for (const item of pending) {
      const topic = TopicNames.inbox(this.config.network, item.entry.to);
      const wire = await this.sealer.seal(this.headerOf(item), item.entry.payload ?? {});
      const batch = byTopic.get(topic) ?? { entries: [], records: [] };
      batch.entries.push(item);
      batch.records.push({ key: item.entry.caseId, value: wire });
      byTopic.set(topic, batch);
    }
    const sentAt = new Date();
    for (const [topic, batch] of byTopic) {
      await this.publisher.publish(topic, batch.records);
      await this.store.markSent(batch.entries, sentAt);
    }
    return pending.length;
  }

  private headerOf(item: PendingOutboxEntry): EnvelopeHeader {
    const { entry } = item;
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
