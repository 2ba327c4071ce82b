import { Kysely, sql } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { Corridor, corridorKey } from '../domain/envelope-facts';
import { IncrementBatch } from '../domain/increment-batch';
import { Measure, StatisticsCounter, counterName } from '../domain/statistics-increment';
import { Granularity } from '../domain/time-buckets';

/** Counters added per statement: a bulk load of a million envelopes is written in a few statements, not one. */
const WRITE_CHUNK = 5_000;

interface CounterRow {
  from_country: string;
  to_country: string;
  bucket_start: Date;
  measure: Measure;
  key: string;
  count: string;
}

/**
 * The pre-aggregated statistics (`flow_counters`): counters only ever added to, a batch's counters in one statement
 * (`insert ... on conflict do update set count = count + excluded.count`), so that concurrent batches add up and
 * none is lost. Each method takes the caller's transaction when it is part of one.
 */
export class StatisticsRepository {
  constructor(private readonly db: Kysely<MonitorDatabase>) {}

  /** Adds every increment of the batch. */
  async apply(batch: IncrementBatch, db: Kysely<MonitorDatabase> = this.db): Promise<void> {
    // Every writer takes the rows it adds to in one order, so that two batches never wait on each other in a circle.
    const increments = batch
      .entries()
      .map((increment) => ({ increment, name: counterName(increment) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ increment }) => increment);
    for (let at = 0; at < increments.length; at += WRITE_CHUNK) {
      const chunk = increments.slice(at, at + WRITE_CHUNK);
      await sql`
        insert into flow_counters (granularity, from_country, to_country, bucket_start, measure, key, count)
        select * from unnest(
          ${chunk.map((i) => i.granularity)}::text[],
          ${chunk.map((i) => i.from)}::text[],
          ${chunk.map((i) => i.to)}::text[],
          ${chunk.map((i) => i.bucketStart.toISOString())}::timestamptz[],
          ${chunk.map((i) => i.measure)}::text[],
          ${chunk.map((i) => i.key)}::text[],
          ${chunk.map((i) => i.by)}::bigint[])
        on conflict (granularity, from_country, to_country, bucket_start, measure, key)
        do update set count = flow_counters.count + excluded.count`.execute(db);
    }
  }

  /** Remembers the corridors, each once, so that reports over every corridor know where to look. */
  async noteCorridors(corridors: readonly Corridor[], db: Kysely<MonitorDatabase> = this.db): Promise<void> {
    const distinct = [...new Map(corridors.map((c) => [corridorKey(c), c])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, corridor]) => ({ from_country: corridor.from, to_country: corridor.to }));
    if (distinct.length === 0) return;
    await db
      .insertInto('corridors')
      .values(distinct)
      .onConflict((conflict) => conflict.columns(['from_country', 'to_country']).doNothing())
      .execute();
  }

  /** Deletes the minute counters of buckets that started before `before`; the number of counters deleted. */
  async pruneMinuteCounters(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('flow_counters')
      .where('granularity', '=', 'minute')
      .where('bucket_start', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async listCorridors(): Promise<Corridor[]> {
    const rows = await this.db
      .selectFrom('corridors')
      .select(['from_country', 'to_country'])
      .orderBy('from_country')
      .orderBy('to_country')
      .execute();
    return rows.map((row) => ({ from: row.from_country, to: row.to_country }));
  }

  /**
   * The counters of the corridors' buckets that start in [since, until), of one granularity: one range of the
   * primary key per corridor, in one query.
   */
  async counters(
    granularity: Granularity,
    corridors: readonly Corridor[],
    since: Date,
    until: Date,
  ): Promise<StatisticsCounter[]> {
    if (corridors.length === 0) return [];
    const { rows } = await sql<CounterRow>`
      select f.from_country, f.to_country, f.bucket_start, f.measure, f.key, f.count
      from unnest(${corridors.map((c) => c.from)}::text[], ${corridors.map((c) => c.to)}::text[])
        as c(from_country, to_country)
      join flow_counters f
        on f.granularity = ${granularity}
        and f.from_country = c.from_country
        and f.to_country = c.to_country
        and f.bucket_start >= ${since.toISOString()}::timestamptz
        and f.bucket_start < ${until.toISOString()}::timestamptz`.execute(this.db);
    return rows.map((row) => ({
      granularity,
      from: row.from_country,
      to: row.to_country,
      bucketStart: row.bucket_start,
      measure: row.measure,
      key: row.key,
      count: Number(row.count),
    }));
  }
}
