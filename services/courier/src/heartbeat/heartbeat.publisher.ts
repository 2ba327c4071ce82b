import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MessageValidator, NodeHeartbeatV1 } from '@enlace/contracts';
import { NodeStatementSigner, NodeStatementTypes } from '@enlace/envelope';
import { ConsumerGroups, EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { Kafka } from 'kafkajs';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { HEARTBEAT_PUBLISHER, KAFKA_CLIENT } from '../courier.tokens';
import { consumerLag } from './inbox-lag.reader';

const SCHEMA = 'urn:enlace:schema:node.heartbeat.v1';
/** The longest a beat waits for the inbox lag (a broker under load can take seconds): then it goes without it. */
const MAX_LAG_WAIT_MS = 1_000;

/**
 * Tells the network's monitor, every few seconds (ENLACE_HEARTBEAT_MS, 5 s by default), that this courier is alive
 * and how many records of its inbox it has not committed yet: process facts only, signed with the node's signing key
 * (a JWS, typ enlace-heartbeat+jws) so that no other member can speak for this node, and keyed by country. A beat
 * never waits behind bulk traffic: it has a producer of its own (HEARTBEAT_PUBLISHER), its time is taken when it is
 * sent, and the inbox lag is left out (null) when the broker is slow to give it. A beat that cannot be sent is
 * skipped; the monitor sees the silence.
 */
@Injectable()
export class HeartbeatPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatPublisher.name);
  private readonly instanceId = randomUUID();
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;
  private beating: Promise<void> = Promise.resolve();
  private failing = false;
  /** The lag read still under way, if any: a slow broker gets one question at a time, not one more per beat. */
  private lagRead?: Promise<number | null>;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(HEARTBEAT_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly signer: NodeStatementSigner,
    private readonly validator: MessageValidator,
  ) {}

  onApplicationBootstrap(): void {
    const beat = (): void => {
      const due = Date.now() + this.config.heartbeatMs;
      this.beating = this.beat().finally(() => {
        // the interval runs from the start of a beat: a slow beat does not stretch the silence the monitor sees
        if (this.timer) this.timer = setTimeout(beat, Math.max(0, due - Date.now()));
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
      const inboxLag = await this.inboxLag();
      const heartbeat: NodeHeartbeatV1 = {
        heartbeatId: randomUUID(),
        network: this.config.network,
        country: this.config.country,
        component: 'courier',
        instanceId: this.instanceId,
        startedAt: this.startedAt,
        sentAt: new Date().toISOString(),
        intervalMs: this.config.heartbeatMs,
        inboxLag,
      };
      const violations = this.validator.validate(SCHEMA, heartbeat);
      if (violations.length > 0) throw new Error(`heartbeat breaks its contract at ${violations[0]?.path}`);
      const signed = await this.signer.sign(NodeStatementTypes.heartbeat, { ...heartbeat });
      await this.publisher.publish(TopicNames.heartbeats(this.config.network), [
        { key: this.config.country, value: signed },
      ]);
      if (this.failing) this.logger.log('heartbeats are sent again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`heartbeat not sent: ${(error as Error).message}`);
      this.failing = true;
    }
  }

  private async inboxLag(): Promise<number | null> {
    if (this.lagRead === undefined) {
      const groupId = ConsumerGroups.courierInbox(this.config.network, this.config.country);
      const read = consumerLag(this.kafka, groupId, TopicNames.inbox(this.config.network, this.config.country)).catch(
        () => null,
      );
      this.lagRead = read;
      void read.finally(() => {
        if (this.lagRead === read) this.lagRead = undefined;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.min(MAX_LAG_WAIT_MS, this.config.heartbeatMs / 2));
    });
    try {
      return await Promise.race([this.lagRead, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
