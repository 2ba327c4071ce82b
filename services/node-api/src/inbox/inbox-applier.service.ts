import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ProtocolRuleViolation } from '@enlace/protocols';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    private readonly referrals: ReferralMessageApplier,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.applyPending()
        .then((count) => this.schedule(count >= BATCH ? 0 : this.config.inboxPollMs))
        .catch((error: Error) => {
          this.logger.warn(`inbox paused after an error: ${error.message}`);
          this.schedule(Math.max(this.config.inboxPollMs, 1000));
        });
    }, delayMs);
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
