import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingWorker } from '@enlace/messaging';
import { DeadlineNoticeStore } from '@enlace/store';
import type { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { REFERRAL_CASE_REPOSITORY } from '../../referrals/referrals.tokens';
import { REINTEGRATION_CASE_REPOSITORY } from '../../reintegrations/reintegrations.tokens';
import { RETURN_CASE_REPOSITORY } from '../../returns/returns.tokens';
import { DEADLINE_NOTICE_STORE } from '../deadlines.tokens';
import { OverdueStep, overdueAnnouncementOf } from '../domain/overdue-announcement';

const BATCH = 100;

/**
 * Finds the steps other countries let go past their due time — referral answers, return steps, reintegration
 * plans — and leaves one announcement of each for the courier to publish, so that the secretariat sees late
 * answers per corridor. The node's own lists show them already (overdue=true).
 */
@Injectable()
export class OverdueAnnouncerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OverdueAnnouncerService.name);
  private readonly worker: PollingWorker;
  private readonly repositories: readonly ProtocolCaseRepository<unknown>[];

  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(DEADLINE_NOTICE_STORE) private readonly notices: DeadlineNoticeStore,
    @Inject(REFERRAL_CASE_REPOSITORY) referrals: ProtocolCaseRepository<unknown>,
    @Inject(RETURN_CASE_REPOSITORY) returns: ProtocolCaseRepository<unknown>,
    @Inject(REINTEGRATION_CASE_REPOSITORY) reintegrations: ProtocolCaseRepository<unknown>,
  ) {
    this.repositories = [referrals, returns, reintegrations];
    this.worker = new PollingWorker(async () => (await this.announceOnce()) >= BATCH, {
      idleMs: config.overdueScanMs,
      errorMs: Math.max(config.overdueScanMs, 1000),
      onError: (error) => this.logger.warn(`overdue announcements paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** One round over every protocol; returns how many steps it announced. */
  async announceOnce(now: Date = new Date()): Promise<number> {
    let announced = 0;
    for (const repository of this.repositories) {
      const { protocol } = repository;
      for (const found of await repository.findUnannouncedOverdue(now, BATCH)) {
        await this.announce(
          { protocol, caseRef: found.id, step: found.status, counterpart: found.counterpart, due: found.due },
          now,
        );
        await repository.markAnnounced(found.id, found.due);
        announced++;
      }
    }
    if (announced > 0) this.logger.log(`${announced} overdue step(s) announced`);
    return announced;
  }

  private async announce(step: OverdueStep, now: Date): Promise<void> {
    const { noticeId, announcement } = overdueAnnouncementOf(this.config.network, this.config.country, step, now);
    await this.notices.add(noticeId, announcement, now);
  }
}
