import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NodeStatementSigner, NodeStatementTypes } from '@enlace/envelope';
import { EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { DeadlineNoticeStore, NodeChannels, NotifiedWorker } from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { DEADLINE_NOTICE_STORE, ENVELOPE_PUBLISHER } from '../courier.tokens';

const BATCH = 100;

/**
 * Publishes the node API's overdue announcements on the network's deadlines topic, keyed by case reference; node-api's
 * commit wakes it. Each is clear JSON (timing facts only) signed with the node's signing key (a JWS, typ
 * enlace-deadline+jws), so that no other member can accuse a country of overdue answers in this node's name. A batch is claimed, produced, and marked
 * sent after the broker acknowledged it, in one transaction.
 */
@Injectable()
export class DeadlineNoticeRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineNoticeRelayService.name);
  private readonly worker: NotifiedWorker;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(DEADLINE_NOTICE_STORE) private readonly notices: DeadlineNoticeStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly signer: NodeStatementSigner,
  ) {
    this.worker = new NotifiedWorker(async () => (await this.relayOnce()) >= BATCH, {
      url: config.databaseUrl,
      channels: [NodeChannels.deadlineNotices],
      sweepMs: config.relayPollMs,
      errorMs: 1_000,
      onError: (error) => this.logger.warn(`overdue announcements paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  relayOnce(): Promise<number> {
    return this.notices.relay(BATCH, async (notices) => {
      const records = await Promise.all(
        notices.map(async (notice) => ({
          key: String(notice.announcement['caseRef']),
          value: await this.signer.sign(NodeStatementTypes.deadlineOverdue, {
            ...notice.announcement,
            country: this.config.country,
          }),
        })),
      );
      await this.publisher.publish(TopicNames.deadlines(this.config.network), records);
    });
  }
}
