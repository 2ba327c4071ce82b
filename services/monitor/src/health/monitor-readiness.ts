import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { BrokerProbe } from '@enlace/messaging';
import { ReadinessChecks } from '@enlace/observability';
import { Kafka } from 'kafkajs';
import { Kysely, sql } from 'kysely';
import { MonitorDatabase } from '../database/monitor-database.schema';
import { KAFKA_CLIENT, MONITOR_DATABASE } from '../monitor.tokens';

/** What the monitor needs, for /health/ready: its database (the statistics) and the broker (the headers it reads). */
@Injectable()
export class MonitorReadiness implements OnModuleInit, OnApplicationShutdown {
  private readonly broker: BrokerProbe;

  constructor(
    private readonly checks: ReadinessChecks,
    @Inject(MONITOR_DATABASE) private readonly database: Kysely<MonitorDatabase>,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
  ) {
    this.broker = new BrokerProbe(kafka);
  }

  onModuleInit(): void {
    this.checks.add('monitor.database', async () => {
      await sql`select 1`.execute(this.database);
    });
    this.checks.add('monitor.broker', () => this.broker.check());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broker.close();
  }
}
