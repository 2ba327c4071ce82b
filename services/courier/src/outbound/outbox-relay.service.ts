import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { EnvelopeHeader, EnvelopeSealer, UnknownRecipientError } from '@enlace/envelope';
import { EnvelopePublisher, OutboundRecord, PollingWorker, TopicNames } from '@enlace/messaging';
import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import { OutboxRelayStore, PendingOutboxEntry } from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER, MEMBER_DIRECTORY, OUTBOX_RELAY_STORE, PERSONAL_DATA_VAULT } from '../courier.tokens';
import { messageSchemaId } from '@enlace/contracts';

/** Outbox entries opened at once: each reads its case's key from the database. */
const PARALLEL_OPENS = 8;

/**
 * Takes what node-api left in its outboxes, seals and signs it, and produces it to the addressee's inbox topic.
 * An entry is marked sent only after the broker acknowledged it; a crash in between sends it again with the same
 * envelope id, which the receiver recognises as a duplicate. An entry addressed to a country with no valid key in the
 * network's directory, even after reading the directory again, is set aside with its reason (the case shows it), so
 * that it does not hold back everything the node sends after it.
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
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Optional() @Inject(MEMBER_DIRECTORY) private readonly directory?: { refresh?: () => Promise<void> },
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
    const directoryRead = { once: false };
    const payloads = await this.payloadsOf(pending);
    for (const [i, item] of pending.entries()) {
      const payload = payloads[i];
      if (payload === undefined) continue;
      const topic = TopicNames.inbox(this.config.network, item.entry.to);
      const wire = await this.sealOrSetAside(item, payload, directoryRead);
      if (wire === undefined) continue;
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

  /** The entries' messages, opened PARALLEL_OPENS at a time (each needs its case's key: one database read). */
  private async payloadsOf(pending: readonly PendingOutboxEntry[]): Promise<(Record<string, unknown> | undefined)[]> {
    const payloads: (Record<string, unknown> | undefined)[] = [];
    for (let i = 0; i < pending.length; i += PARALLEL_OPENS) {
      payloads.push(...(await Promise.all(pending.slice(i, i + PARALLEL_OPENS).map((item) => this.payloadOf(item)))));
    }
    return payloads;
  }

  /**
   * The entry's message: opened with its case's key when sealed at rest. Undefined when that key was destroyed
   * between reading and opening: the case was erased, and the erasure removed the entry too.
   */
  private async payloadOf(item: PendingOutboxEntry): Promise<Record<string, unknown> | undefined> {
    const { entry } = item;
    if (entry.sealedPayload === undefined) return entry.payload ?? {};
    const payload = await this.vault.open<Record<string, unknown>>(
      entry.caseId,
      SealedUse.outbox(entry.envelopeId),
      entry.sealedPayload,
    );
    if (payload === undefined) this.logger.warn(`outbox entry ${entry.envelopeId} not sent: its case was erased`);
    return payload;
  }

  /** The sealed wire, or undefined when the entry was set aside because its addressee has no valid key. */
  private async sealOrSetAside(
    item: PendingOutboxEntry,
    payload: Record<string, unknown>,
    directoryRead: { once: boolean },
  ): Promise<string | undefined> {
    try {
      return await this.sealer.seal(this.headerOf(item), payload);
    } catch (error) {
      if (!(error instanceof UnknownRecipientError)) throw error;
      if (!directoryRead.once && this.directory?.refresh) {
        // A member issued a moment ago may not be read yet: read the directory to its end, once a batch, and retry.
        directoryRead.once = true;
        await this.directory.refresh();
        return this.sealOrSetAside(item, payload, directoryRead);
      }
      await this.setAside(item, error);
      return undefined;
    }
  }

  private async setAside(item: PendingOutboxEntry, error: UnknownRecipientError): Promise<void> {
    // Envelope id, type and country codes only: never the payload.
    this.logger.warn(
      `outbox entry ${item.entry.envelopeId} (${item.entry.type} to ${item.entry.to}) set aside: ${error.code}`,
    );
    await this.store.markUndeliverable(item, error.code, new Date());
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
