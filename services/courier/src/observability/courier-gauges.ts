import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConsumerGroups, TopicNames } from '@enlace/messaging';
import { MetricsRegistry } from '@enlace/observability';
import { NodeDatabase } from '@enlace/store';
import { Kafka } from 'kafkajs';
import { Kysely } from 'kysely';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { KAFKA_CLIENT, NODE_DATABASE } from '../courier.tokens';
import { consumerLag } from '../heartbeat/inbox-lag.reader';

/** A scrape must answer: a gauge whose source does not answer in time keeps its last value. */
const GAUGE_TIMEOUT_MS = 2_000;

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
    this.metrics.gauge('enlace_outbox_depth', 'Outgoing messages waiting for the relay', [], async (gauge) => {
      const depth = await this.withinTimeout('outbox depth', () => this.outboxDepth());
      if (depth !== undefined) gauge.set(depth);
    });
    this.metrics.gauge(
      'enlace_inbox_lag_records',
      "Records on this country's inbox topic the courier has not taken (committed) yet",
      [],
      async (gauge) => {
        const { network, country } = this.config;
        const lag = await this.withinTimeout('inbox lag', () =>
          consumerLag(this.kafka, ConsumerGroups.courierInbox(network, country), TopicNames.inbox(network, country)),
        );
        if (lag !== undefined) gauge.set(lag);
      },
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

  private async withinTimeout(what: string, read: () => Promise<number>): Promise<number | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${GAUGE_TIMEOUT_MS} ms`)), GAUGE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.logger.warn(`${what} not read for the metrics: ${(error as Error).message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
