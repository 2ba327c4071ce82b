import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { RECEIPT_TYPE } from '@enlace/contracts';
import { ProtocolRuleViolation } from '@enlace/protocols';
import { FailureCounter } from '@enlace/messaging';
import { EnvelopeLabel, EnvelopeMetrics, MetricsRegistry, envelopeLabels } from '@enlace/observability';
import { envelopeSpanAttributes, withinEnvelopeSpan } from '@enlace/observability/tracing';
import { Counter } from 'prom-client';
import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import { InboxEntry, InboxStore, NodeChannels, NotifiedWorker, isTransientStoreFailure } from '@enlace/store';
import { ERASURE_CONFIRMED_TYPE } from '../cases/domain/erasure-confirmation';
import { CaseTable, ConcurrentCaseChangeError } from '../cases/persistence/case-table';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { INBOX_STORE, NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { PERSONAL_DATA_VAULT, SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { ApplyOutcome, INBOX_MESSAGE_APPLIERS, InboxMessageApplier } from './inbox-message.applier';

/** Entries looked at per round. */
export const APPLY_BATCH = 100;
/**
 * How long a message that came before the one it follows (of any protocol) first rests before it is tried again on
 * its own; each rest doubles, up to OUT_OF_ORDER_MAX_REST_MS. It is tried at once whenever another message of its
 * case arrives (which may be the one it waits for). It waits as long as that takes: it is never set aside or dropped
 * for waiting, since its delivery receipt has gone and no other copy will come.
 */
export const OUT_OF_ORDER_RETRY_MS = 5_000;
export const OUT_OF_ORDER_MAX_REST_MS = 10 * 60_000;
/**
 * Cases applied at once when a round's transaction failed and each case is applied in its own (one case's entries
 * are always applied one after the other). Each holds a connection for its transaction and may take another for its
 * case's key, so they stay well under the pool's size.
 */
export const PARALLEL_CASES = 4;
/** Rounds an entry may fail in for no passing cause before it is set aside (the worker backs off between). */
export const MAX_APPLY_TRIES = 5;

type Settled = { readonly stop: boolean };
/** The keys of a batch's cases, read once for it (null: destroyed; absent: none). */
type BatchKeys = ReadonlyMap<string, Uint8Array | null>;
/** The protocol of each case a transaction locked (absent: no such case here). */
type CaseProtocols = ReadonlyMap<string, string>;

/**
 * Applies, in arrival order, the messages the courier verified and stored; the courier's notification wakes it, a
 * slow sweep finds what a lost notification would leave. A round's entries are applied in one transaction: their
 * cases' keys read once (before it), the entries and the case rows locked, each case read once, each message
 * evolved on its case in order, the cases and their outgoing messages written, the entries marked applied or rejected
 * together (and the delivery marks of the receipts written together) — so each message takes effect once, however
 * many appliers run. Should anything in it fail, the round is undone and each case's entries are applied again in a
 * transaction of their own, then one by one, so that only the failing one is counted, retried or set aside. A
 * message the protocol refuses is set aside with its reason (visible, never silently dropped); a passing failure
 * (database away, a case key that does not open) leaves it for the next round; one that keeps failing for another
 * cause is set aside after MAX_APPLY_TRIES, so that it does not hold up every message behind it. A set-aside entry
 * keeps its sealed payload and can be applied again (InboxStore.reapply). A message that came before the one it
 * follows waits for it, without a time limit.
 */
@Injectable()
export class InboxApplierService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxApplierService.name);
  private readonly worker: NotifiedWorker;
  private readonly tries = new FailureCounter(MAX_APPLY_TRIES);
  private readonly lanes: number;
  private readonly country: string;
  private readonly setAsideCount: Counter<EnvelopeLabel>;

  constructor(
    @Inject(NODE_API_CONFIG) config: NodeApiConfig,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    @Inject(NODE_TRANSACTIONS) private readonly transactions: NodeTransactions,
    @Inject(INBOX_MESSAGE_APPLIERS) private readonly appliers: readonly InboxMessageApplier[],
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(SEALED_CASE_CONTENT) private readonly sealing: SealedCaseContent,
    @Optional() metrics: MetricsRegistry = new MetricsRegistry({ defaultMetrics: false }),
  ) {
    this.country = config.country;
    this.setAsideCount = EnvelopeMetrics.setAside(metrics);
    this.lanes = Math.max(1, Math.min(PARALLEL_CASES, Math.floor(config.databaseMaxConnections / 2)));
    this.worker = new NotifiedWorker(async () => (await this.applyPending()) >= APPLY_BATCH, {
      url: config.databaseUrl,
      channels: [NodeChannels.inbox],
      sweepMs: config.inboxPollMs,
      errorMs: 1_000,
      onError: (error) => this.logger.warn(`inbox paused after an error: ${error.message}`),
      onListenerLost: () => this.logger.warn('lost the inbox notifications; listening again'),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /**
   * Applies one batch; returns how many entries it looked at. The entries of one case are applied one after the
   * other, in arrival order, all cases in one transaction; after a failure, each case in its own, a few at once.
   */
  async applyPending(): Promise<number> {
    // The round's entries and their cases' keys in one statement.
    const { entries: found, keys: stored } = await this.inbox.findUnappliedWithKeys(APPLY_BATCH);
    if (found.length === 0) return 0;
    const keys = await this.vault.keysFrom(stored.values());
    const entries = await this.opened(found, keys);
    const byCase = new Map<string, InboxEntry[]>();
    for (const entry of entries) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
    const cases = [...byCase.values()];
    try {
      await this.applyBatch(cases, keys);
      return entries.length;
    } catch (error) {
      if (isTransientStoreFailure(error)) throw error;
    }
    const next = async (): Promise<void> => {
      for (let lane = cases.shift(); lane; lane = cases.shift()) await this.applyCase(lane, keys);
    };
    const lanes = await Promise.allSettled(Array.from({ length: Math.min(this.lanes, cases.length) }, next));
    const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
    if (failed) throw failed.reason;
    return entries.length;
  }

  /** Every case's entries of the round in one transaction; throws (and undoes it all) when any of them fails. */
  private async applyBatch(cases: readonly (readonly InboxEntry[])[], keys: BatchKeys): Promise<void> {
    await this.transactions.run(async (trx) => {
      const { unsettled, protocols } = await this.lockBatch(trx, cases.flat(), keys);
      const applied: string[] = [];
      for (const entries of cases) {
        applied.push(
          ...(await this.applyInOrder(
            entries.filter((entry) => unsettled.has(entry.envelopeId)),
            protocols,
            trx,
          )),
        );
      }
      await this.inbox.markApplied(applied, new Date(), trx);
    });
    for (const entry of cases.flat()) this.tries.succeeded(entry.envelopeId);
  }

  /**
   * In the open transaction: the entries still unsettled, locked (another applier that took the same entries waits,
   * then finds them done), then the rows of their cases, each read once for the transaction, and their keys as the
   * round read them.
   */
  private async lockBatch(
    trx: NodeTransactions['db'],
    entries: readonly InboxEntry[],
    keys: BatchKeys,
  ): Promise<{ unsettled: Set<string>; protocols: CaseProtocols }> {
    const unsettled = await this.inbox.lockUnsettled(
      trx,
      entries.map((entry) => entry.envelopeId),
    );
    this.sealing.rememberKeys(keys);
    const caseIds = entries.filter((entry) => unsettled.has(entry.envelopeId)).map((entry) => entry.caseId);
    const protocols = await CaseTable.lockAll(this.transactions, caseIds);
    return { unsettled, protocols };
  }

  /**
   * One case's entries in one transaction. Should one of them fail, the transaction is undone and the entries are
   * applied again one by one, each in its own, so that only the failing one is counted, retried or set aside.
   */
  private async applyCase(opened: readonly InboxEntry[], keys: BatchKeys): Promise<void> {
    if (opened.length > 1) {
      try {
        await this.applyBatch([opened], keys);
        return;
      } catch (error) {
        if (isTransientStoreFailure(error)) throw error;
      }
    }
    for (const entry of opened) {
      if ((await this.applySingle(entry, keys)).stop) return;
    }
  }

  /**
   * One case's unsettled entries applied in order in the open transaction, a message come too early retried after
   * progress; returns those applied (the caller marks them), having set aside or postponed the others.
   */
  private async applyInOrder(
    entries: readonly InboxEntry[],
    protocols: CaseProtocols,
    trx: NodeTransactions['db'],
  ): Promise<string[]> {
    let waiting = [...entries];
    const applied: string[] = [];
    for (let progress = true; progress && waiting.length > 0;) {
      progress = false;
      const early: InboxEntry[] = [];
      for (const entry of waiting) {
        const outcome = await this.applyOne(entry, protocols);
        if (outcome.applied) {
          applied.push(entry.envelopeId);
          progress = true;
        } else if (outcome.deferred) early.push(entry);
        else {
          await this.reject(entry, outcome.code, outcome.detail, trx);
          progress = true;
        }
      }
      waiting = early;
    }
    for (const entry of waiting) await this.inbox.postpone(entry.envelopeId, this.retryAt(entry), trx);
    return applied;
  }

  /** One entry in a transaction of its own; says whether the case's later entries must wait for the next round. */
  private async applySingle(entry: InboxEntry, keys: BatchKeys): Promise<Settled> {
    try {
      await this.transactions.run(async (trx) => {
        const { unsettled, protocols } = await this.lockBatch(trx, [entry], keys);
        if (unsettled.size === 0) return;
        const outcome = await this.applyOne(entry, protocols);
        if (outcome.applied) await this.inbox.markApplied([entry.envelopeId], new Date(), trx);
        else if (outcome.deferred) await this.inbox.postpone(entry.envelopeId, this.retryAt(entry), trx);
        else await this.reject(entry, outcome.code, outcome.detail, trx);
      });
      this.tries.succeeded(entry.envelopeId);
      return { stop: false };
    } catch (error) {
      if (error instanceof ProtocolRuleViolation) {
        await this.reject(entry, error.code, error.message);
        return { stop: false };
      }
      if (error instanceof ConcurrentCaseChangeError) return { stop: true }; // the next round decides again
      if (isTransientStoreFailure(error)) throw error;
      const { tries, exhausted } = this.tries.failed(entry.envelopeId);
      if (!exhausted) throw error;
      await this.reject(entry, 'APPLY_FAILED', `failed ${tries} times, last with ${(error as Error).name}`);
      return { stop: false };
    }
  }

  /** The next time a waiting entry is tried on its own: its rest doubles with each try, up to a bound. */
  private retryAt(entry: InboxEntry): Date {
    const rest = OUT_OF_ORDER_RETRY_MS * 2 ** Math.min(entry.attempts ?? 0, 10);
    return new Date(Date.now() + Math.min(rest, OUT_OF_ORDER_MAX_REST_MS));
  }

  /**
   * The entries with their messages opened (they rest sealed with their cases' keys, read together for the batch).
   * A message of a case erased before it was applied has no payload left: the appliers then work from the
   * envelope's header alone, or refuse it.
   */
  private async opened(entries: readonly InboxEntry[], keys: BatchKeys): Promise<InboxEntry[]> {
    const sealed = entries.filter((entry) => entry.sealedPayload !== undefined);
    const payloads = await Promise.all(
      sealed.map((entry) =>
        this.vault.openWith<Record<string, unknown>>(
          keys.get(entry.caseId),
          entry.caseId,
          SealedUse.inbox(entry.envelopeId),
          entry.sealedPayload as string,
        ),
      ),
    );
    const byId = new Map(sealed.map((entry, i) => [entry.envelopeId, payloads[i]]));
    return entries.map(({ sealedPayload, ...entry }) => {
      if (sealedPayload === undefined) return entry;
      const payload = byId.get(entry.envelopeId);
      return payload === undefined ? { ...entry, payloadWithheld: 'CASE_ERASED' } : { ...entry, payload };
    });
  }

  /**
   * Receipts and erasure confirmations go to the protocol that holds the case (as the transaction locked it); the
   * rest by message type.
   */
  /**
   * One entry applied inside a span of the trace its courier's receipt began (the sender's trace): what the apply
   * writes to the outbox carries that trace on.
   */
  private applyOne(entry: InboxEntry, protocols: CaseProtocols): Promise<ApplyOutcome> {
    const attributes = envelopeSpanAttributes({
      id: entry.envelopeId,
      type: entry.type,
      from: entry.from,
      to: this.country,
    });
    return withinEnvelopeSpan('envelope apply', entry.traceparent, attributes, () =>
      this.applyUntraced(entry, protocols),
    );
  }

  private async applyUntraced(entry: InboxEntry, protocols: CaseProtocols): Promise<ApplyOutcome> {
    if (entry.type === RECEIPT_TYPE || entry.type === ERASURE_CONFIRMED_TYPE) {
      const protocol = protocols.get(entry.caseId);
      const applier = this.appliers.find((candidate) => candidate.protocolName === protocol);
      if (!applier) return { applied: false, code: 'UNKNOWN_CASE', detail: `no case ${entry.caseId} on this node` };
      return entry.type === RECEIPT_TYPE ? applier.applyReceipt(entry) : applier.apply(entry);
    }
    const applier = this.appliers.find((candidate) => candidate.handles(entry.type));
    if (!applier) return { applied: false, code: 'UNSUPPORTED_TYPE', detail: `no handler for ${entry.type}` };
    return applier.apply(entry);
  }

  private async reject(entry: InboxEntry, code: string, detail: string, trx?: NodeTransactions['db']): Promise<void> {
    this.logger.warn({
      msg: `inbox entry ${entry.envelopeId} (${entry.type}) set aside: ${code}`,
      correlationId: entry.correlationId,
    });
    await this.inbox.markRejected(entry.envelopeId, { code, detail }, trx);
    this.setAsideCount.inc(envelopeLabels({ from: entry.from, to: this.country, type: entry.type }));
  }
}
