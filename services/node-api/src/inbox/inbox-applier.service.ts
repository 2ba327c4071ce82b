import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ProtocolRuleViolation } from '@enlace/protocols';
import { PollingWorker } from '@enlace/messaging';
import { InboxStore } from '@enlace/store';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { INBOX_STORE } from '../database/database.tokens';
import { ReferralMessageApplier } from '../referrals/application/referral-message.applier';
import { ConcurrentChangeError } from '../referrals/persistence/referral-case.repository';

const BATCH = 100;

/**
 * Applies, in arrival order, the messages the courier verified and stored. A message the protocol refuses is
 * set aside with its reason (visible, never silently dropped); a passing failure leaves it for the next round.
 */
@Injectable()
export class InboxApplierService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxApplierService.name);
  private readonly worker: PollingWorker;

  constructor(
    @Inject(NODE_API_CONFIG) config: NodeApiConfig,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    private readonly referrals: ReferralMessageApplier,
  ) {
    this.worker = new PollingWorker(async () => (await this.applyPending()) >= BATCH, {
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

  /** Applies one batch; returns how many entries it looked at. */
  async applyPending(): Promise<number> {
    const entries = await this.inbox.findUnapplied(BATCH);
    for (const entry of entries) {
      if (!this.referrals.handles(entry.type)) {
        await this.inbox.markRejected(entry._id, { code: 'UNSUPPORTED_TYPE', detail: `no handler for ${entry.type}` });
        continue;
      }
      try {
        const outcome = await this.referrals.apply(entry);
        if (outcome.applied) await this.inbox.markApplied(entry._id, new Date());
        else await this.reject(entry._id, entry.type, outcome.code, outcome.detail);
      } catch (error) {
        if (error instanceof ProtocolRuleViolation) {
          await this.reject(entry._id, entry.type, error.code, error.message);
        } else if (error instanceof ConcurrentChangeError) {
          return entries.length; // someone else changed the case: the next round decides again
        } else {
          throw error;
        }
      }
    }
    return entries.length;
  }

  private async reject(id: string, type: string, code: string, detail: string): Promise<void> {
    this.logger.warn(`inbox entry ${id} (${type}) set aside: ${code}`);
    await this.inbox.markRejected(id, { code, detail });
  }
}
