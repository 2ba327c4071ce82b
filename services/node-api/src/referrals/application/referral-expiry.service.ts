import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingWorker } from '@enlace/messaging';
import { ReferralRuleViolation, type ReferralState } from '@enlace/protocols';
import {
  ConcurrentCaseChangeError,
  type ProtocolCaseRepository,
} from '../../cases/persistence/protocol-case.repository';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { REFERRAL_CASE_REPOSITORY } from '../referrals.tokens';
import { ReferralsService } from './referrals.service';

const BATCH = 100;

// What may have changed between finding a referral overdue and deciding on it: the answer came in, or the case
// changed under us. The next round looks again; nothing else is expected.
const SKIPPED_RULES = new Set(['NOT_DUE', 'TRANSITION_NOT_ALLOWED']);

/**
 * The sender's side of a deadline: finds this node's outgoing referrals whose answer is overdue and lets them
 * expire. The protocol decides each time; the referral.expired.v1 message tells the receiving country.
 */
@Injectable()
export class ReferralExpiryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReferralExpiryService.name);
  private readonly worker: PollingWorker;

  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(REFERRAL_CASE_REPOSITORY) private readonly repository: ProtocolCaseRepository<ReferralState>,
    private readonly referrals: ReferralsService,
  ) {
    this.worker = new PollingWorker(async () => (await this.expireOverdue()).expired >= BATCH, {
      idleMs: config.referralExpiryPollMs,
      errorMs: Math.max(config.referralExpiryPollMs, 1000),
      onError: (error) => this.logger.warn(`referral expiry paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /**
   * One round: lets the referrals overdue at `now`, and past the grace, expire (up to a batch); says how many did
   * and how many were left for later.
   */
  async expireOverdue(now: Date = new Date()): Promise<{ expired: number; skipped: number }> {
    const overdue = await this.repository.findDueBy(now, BATCH, 'outgoing');
    const grace = this.config.referralExpiryGrace;
    // Oldest due first, so the ones past their grace always come before those still in it.
    const ids = overdue
      .filter((referral) => !grace || grace.addTo(referral.due).getTime() <= now.getTime())
      .map((referral) => referral.id);
    let expired = 0;
    for (const id of ids) {
      try {
        await this.referrals.expire(id);
        expired++;
      } catch (error) {
        const skip =
          (error instanceof ReferralRuleViolation && SKIPPED_RULES.has(error.code)) ||
          error instanceof ConcurrentCaseChangeError;
        if (!skip) throw error;
      }
    }
    if (expired > 0) this.logger.log(`${expired} referral(s) expired without an answer`);
    return { expired, skipped: overdue.length - expired };
  }
}
