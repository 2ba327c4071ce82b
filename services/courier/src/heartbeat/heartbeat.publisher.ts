import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MessageValidator, NodeHeartbeatV1 } from '@enlace/contracts';
import { ConsumerGroups, EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER, KAFKA_CLIENT } from '../courier.tokens';
import { consumerLag } from './inbox-lag.reader';

const SCHEMA = 'urn:enlace:schema:node.heartbeat.v1';

/**
 * Tells the network's monitor, every few seconds (ENLACE_HEARTBEAT_MS, 5 s by default), that this courier is alive
 * and how many records of its inbox it has not committed yet. Plain JSON on the heartbeats topic, keyed by country:
 * process facts only. A beat that cannot be sent is skipped; the monitor sees the silence.
 */
@Injectable()
export class HeartbeatPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatPublisher.name);
  private readonly instanceId = randomUUID();
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;
  private beating: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly validator: MessageValidator,
  ) {}

  onApplicationBootstrap(): void {
    const beat = (): void => {
      this.beating = this.beat().finally(() => {
        if (this.timer) this.timer = setTimeout(beat, this.config.heartbeatMs);
      });
    };
    this.timer = setTimeout(beat, 0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.beating;
  }

  async beat(): Promise<void> {
    try {
      const heartbeat: NodeHeartbeatV1 = {
        heartbeatId: randomUUID(),
        network: this.config.network,
        country: this.config.country,
        component: 'courier',
        instanceId: this.instanceId,
        startedAt: this.startedAt,
        sentAt: new Date().toISOString(),
        intervalMs: this.config.heartbeatMs,
        inboxLag: await this.inboxLag(),
      };
      const violations = this.validator.validate(SCHEMA, heartbeat);
      if (violations.length > 0) throw new Error(`heartbeat breaks its contract at ${violations[0]?.path}`);
      await this.publisher.publish(TopicNames.heartbeats(this.config.network), [
        { key: this.config.country, value: JSON.stringify(heartbeat) },
      ]);
      if (this.failing) this.logger.log('heartbeats are sent again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`heartbeat not sent: ${(error as Error).message}`);
      this.failing = true;
    }
  }

  private async inboxLag(): Promise<number | null> {
    try {
      const groupId = ConsumerGroups.courierInbox(this.config.network, this.config.country);
      return await consumerLag(this.kafka, groupId, TopicNames.inbox(this.config.network, this.config.country));
    } catch {
      return null;
    }
  }
}
