import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConsumerGroups, TopicNames } from '@enlace/messaging';
import { MetricsRegistry } from '@enlace/observability';
import { NodeDatabase } from '@enlace/store';
import { Kafka } from 'kafkajs';
import { Kysely } from 'kysely';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { KAFKA_CLIENT, NODE_DATABASE } from '../courier.tokens';
import { consumerLag } from '../heartbeat/inbox-lag.reader';

/**
 * Gauges read when Prometheus scrapes: the outbox depth (messages node-api committed that the relay has not sent or
 * set aside yet) and the inbox lag (records on this country's inbox topic the courier has not taken yet).
 */
@Injectable()
export class CourierGauges implements OnModuleInit {
  private readonly logger = new Logger(CourierGauges.name);

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(NODE_DATABASE) private readonly database: Kysely<NodeDatabase>,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
  ) {}

  onModuleInit(): void {
    const { network, country } = this.config;
    this.metrics.sampledGauge(
      'enlace_outbox_depth',
      'Outgoing messages waiting for the relay',
      () => this.outboxDepth(),
      (error) => this.logger.warn(`outbox depth not read for the metrics: ${error.message}`),
    );
    this.metrics.sampledGauge(
      'enlace_inbox_lag_records',
      "Records on this country's inbox topic the courier has not taken (committed) yet",
      () => consumerLag(this.kafka, ConsumerGroups.courierInbox(network, country), TopicNames.inbox(network, country)),
      (error) => this.logger.warn(`inbox lag not read for the metrics: ${error.message}`),
    );
  }

  private async outboxDepth(): Promise<number> {
    const row = await this.database
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('depth'))
      .where('sent_at', 'is', null)
      .where('undeliverable_reason', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.depth);
  }
}
