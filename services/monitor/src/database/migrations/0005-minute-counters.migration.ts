import { Kysely, sql } from 'kysely';

/**
 * Counters by the minute, beside those by the hour, day and month, so that the dashboard charts a network's last
 * hours in detail. Minute counters are pruned after two days (MinuteCountersPruner); the others are kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table flow_counters drop constraint flow_counters_granularity_check`.execute(db);
  await sql`alter table flow_counters add constraint flow_counters_granularity_check
    check (granularity in ('minute', 'hour', 'day', 'month'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from flow_counters where granularity = 'minute'`.execute(db);
  await sql`alter table flow_counters drop constraint flow_counters_granularity_check`.execute(db);
  await sql`alter table flow_counters add constraint flow_counters_granularity_check
    check (granularity in ('hour', 'day', 'month'))`.execute(db);
}
