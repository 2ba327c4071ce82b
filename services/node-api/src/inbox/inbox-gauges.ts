import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from '@enlace/observability';
import { NodeDatabase } from '@enlace/store';
import { Kysely, sql } from 'kysely';
import { NODE_DATABASE } from '../database/database.tokens';

/**
 * The inbox as node-api sees it, read when Prometheus scrapes: messages the courier stored that node-api has not
 * applied (nor set aside) yet, and how long the oldest of them has waited (0 when none): the lag of the cases
 * behind what has arrived.
 */
@Injectable()
export class InboxGauges implements OnModuleInit {
  private readonly logger = new Logger(InboxGauges.name);

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(NODE_DATABASE) private readonly database: Kysely<NodeDatabase>,
  ) {}

  onModuleInit(): void {
    const onError = (error: Error) => this.logger.warn(`inbox backlog not read for the metrics: ${error.message}`);
    this.metrics.sampledGauge(
      'enlace_inbox_unapplied_entries',
      'Arrived messages node-api has not applied or set aside yet',
      async () => (await this.backlog()).entries,
      onError,
    );
    this.metrics.sampledGauge(
      'enlace_inbox_oldest_unapplied_seconds',
      'How long the oldest arrived message not yet applied has waited (0 when none)',
      async () => (await this.backlog()).oldestSeconds,
      onError,
    );
  }

  private async backlog(): Promise<{ entries: number; oldestSeconds: number }> {
    const row = await this.database
      .selectFrom('inbox')
      .select((eb) => [
        eb.fn.countAll<string>().as('entries'),
        sql<string | null>`extract(epoch from (now() - min(received_at)))`.as('oldest'),
      ])
      .where('applied_at', 'is', null)
      .where('rejection_code', 'is', null)
      .executeTakeFirstOrThrow();
    return { entries: Number(row.entries), oldestSeconds: Math.max(0, Number(row.oldest ?? 0)) };
  }
}
