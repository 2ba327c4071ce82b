import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ProtocolRuleViolation } from '@enlace/protocols';
import { FailureCounter, PollingWorker } from '@enlace/messaging';
import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import { InboxEntry, InboxStore, isTransientStoreFailure } from '@enlace/store';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { INBOX_STORE } from '../database/database.tokens';
import { RECEIPT_TYPE } from '@enlace/contracts';
import { ERASURE_CONFIRMED_TYPE } from '../cases/domain/erasure-confirmation';
import { ConcurrentCaseChangeError } from '../cases/persistence/protocol-case.repository';
import { ConcurrentChangeError } from '../referrals/persistence/referral-case.repository';
import { PERSONAL_DATA_VAULT } from '../privacy/privacy.tokens';
import { ApplyOutcome, INBOX_MESSAGE_APPLIERS, InboxMessageApplier } from './inbox-message.applier';

/** Entries looked at per round. */
export const APPLY_BATCH = 100;
/** How long a message that came before the one it follows waits for it before it is set aside as OUT_OF_ORDER. */
export const OUT_OF_ORDER_WAIT_MS = 60 * 60_000;
/** Cases applied at once in a round (one case's entries are always applied one after the other). */
export const PARALLEL_CASES = 8;
/** Rounds an entry may fail in for no passing cause before it is set aside (the worker backs off between). */
export const MAX_APPLY_TRIES = 5;

/**
 * Applies, in arrival order, the messages the courier verified and stored. A message the protocol refuses is
 * set aside with its reason (visible, never silently dropped); a passing failure (database away) leaves it for the
 * next round; one that keeps failing for another cause is set aside after MAX_APPLY_TRIES, so that it does not hold
 * up every message behind it.
 */
@Injectable()
export class InboxApplierService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxApplierService.name);
  private readonly worker: PollingWorker;
  private readonly tries = new FailureCounter(MAX_APPLY_TRIES);

  constructor(
    @Inject(NODE_API_CONFIG) config: NodeApiConfig,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    @Inject(INBOX_MESSAGE_APPLIERS) private readonly appliers: readonly InboxMessageApplier[],
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {
    this.worker = new PollingWorker(async () => (await this.applyPending()) >= APPLY_BATCH, {
      idleMs: config.inboxPollMs,
      errorMs: Math.max(config.inboxPollMs, 1000),
      onError: (error) => this.logger.warn(`inbox paused after an error: ${error.message}`),
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
   * other, in arrival order; different cases, which share nothing, up to PARALLEL_CASES at once (each apply is a
   * few database round trips, and the database answers several at a time).
   */
  async applyPending(): Promise<number> {
    const entries = await this.inbox.findUnapplied(APPLY_BATCH);
    const byCase = new Map<string, InboxEntry[]>();
    for (const entry of entries) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
    const cases = [...byCase.values()];
    const next = async (): Promise<void> => {
      for (let lane = cases.shift(); lane; lane = cases.shift()) await this.applyInOrder(lane);
    };
    const lanes = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL_CASES, cases.length) }, next));
    const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
    if (failed) throw failed.reason;
    return entries.length;
  }

  /** One case's entries, in arrival order; stops at the first that cannot be applied yet. */
  private async applyInOrder(entries: readonly InboxEntry[]): Promise<void> {
    for (const entry of entries) {
      try {
        const outcome = await this.applyOne(await this.opened(entry));
        if (outcome.applied) await this.inbox.markApplied(entry._id, new Date());
        else if (outcome.deferred && Date.now() - entry.receivedAt.getTime() < OUT_OF_ORDER_WAIT_MS) {
          await this.inbox.postpone(entry._id, new Date());
          continue;
        } else await this.reject(entry._id, entry.type, outcome.code, outcome.detail);
        this.tries.succeeded(entry._id);
      } catch (error) {
        if (error instanceof ProtocolRuleViolation) {
          await this.reject(entry._id, entry.type, error.code, error.message);
        } else if (error instanceof ConcurrentChangeError || error instanceof ConcurrentCaseChangeError) {
          return; // someone else changed the case: the next round decides again
        } else if (isTransientStoreFailure(error)) {
          throw error;
        } else {
          const { tries, exhausted } = this.tries.failed(entry._id);
          if (!exhausted) throw error;
          await this.reject(
            entry._id,
            entry.type,
            'APPLY_FAILED',
            `failed ${tries} times, last with ${(error as Error).name}`,
          );
        }
      }
    }
  }

  /**
   * The entry with its message opened (it rests sealed with its case's key). A message of a case erased before it
   * was applied has no payload left: the appliers then work from the envelope's header alone, or refuse it.
   */
  private async opened(entry: InboxEntry): Promise<InboxEntry> {
    if (entry.sealedPayload === undefined) return entry;
    const { sealedPayload, ...rest } = entry;
    const payload = await this.vault.open<Record<string, unknown>>(
      entry.caseId,
      SealedUse.inbox(entry._id),
      sealedPayload,
    );
    return payload === undefined ? { ...rest, payloadWithheld: 'CASE_ERASED' } : { ...rest, payload };
  }

  /** Receipts and erasure confirmations go to the protocol that holds the case; the rest by message type. */
  private async applyOne(entry: InboxEntry): Promise<ApplyOutcome> {
    if (entry.type === RECEIPT_TYPE || entry.type === ERASURE_CONFIRMED_TYPE) {
      for (const applier of this.appliers) {
        if (await applier.holdsCase(entry.caseId)) {
          return entry.type === RECEIPT_TYPE ? applier.applyReceipt(entry) : applier.apply(entry);
        }
      }
      return { applied: false, code: 'UNKNOWN_CASE', detail: `no case ${entry.caseId} on this node` };
    }
    const applier = this.appliers.find((candidate) => candidate.handles(entry.type));
    if (!applier) return { applied: false, code: 'UNSUPPORTED_TYPE', detail: `no handler for ${entry.type}` };
    return applier.apply(entry);
  }

  private async reject(id: string, type: string, code: string, detail: string): Promise<void> {
    this.logger.warn(`inbox entry ${id} (${type}) set aside: ${code}`);
    await this.inbox.markRejected(id, { code, detail });
  }
}
