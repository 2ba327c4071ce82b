import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { loadNodeKeys } from '@enlace/envelope';
import { BrokerProbe } from '@enlace/messaging';
import { ReadinessChecks } from '@enlace/observability';
import { NodeDatabase } from '@enlace/store';
import { Kafka } from 'kafkajs';
import { Kysely, sql } from 'kysely';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { KAFKA_CLIENT, NODE_DATABASE } from '../courier.tokens';

/**
 * What the courier needs to do its work, for /health/ready: its database (the outbox and the inbox), the broker
 * (the network's topics) and the node's private keys (still there and readable: a key file removed or replaced by
 * something unreadable would make the next start fail, and an operator should hear of it before).
 */
@Injectable()
export class CourierReadiness implements OnModuleInit, OnApplicationShutdown {
  private readonly broker: BrokerProbe;

  constructor(
    private readonly checks: ReadinessChecks,
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(NODE_DATABASE) private readonly database: Kysely<NodeDatabase>,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
  ) {
    this.broker = new BrokerProbe(kafka);
  }

  onModuleInit(): void {
    this.checks.add('courier.database', async () => {
      await sql`select 1`.execute(this.database);
    });
    this.checks.add('courier.broker', () => this.broker.check());
    this.checks.add('courier.keys', async () => {
      await loadNodeKeys(this.config.keysFile);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broker.close();
  }
}
