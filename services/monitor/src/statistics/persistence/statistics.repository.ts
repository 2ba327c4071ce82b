import { Connection, mongo } from 'mongoose';
import { IncrementBatch } from '../domain/increment-batch';
import { StoredContainer } from '../domain/statistics-increment';
import { Granularity } from '../domain/time-buckets';
import { Corridor, corridorKey, parseCorridorKey } from '../domain/envelope-facts';

/** One collection per bucket size, so that each is read by _id only (FerretDB pushes little else down to SQLite). */
export const STATISTICS_COLLECTIONS: Record<Granularity, string> = {
  hour: 'flows_hour',
  day: 'flows_day',
  month: 'flows_month',
};
const CORRIDORS_COLLECTION = 'corridors';
const WRITE_CHUNK = 1000;

/**
 * The pre-aggregated statistics: container documents of counters and delay histograms, changed only by $inc with
 * upsert (each atomic on its own document, which FerretDB v1 guarantees without transactions).
 */
export class StatisticsRepository {
  private readonly knownCorridors = new Set<string>();

  constructor(private readonly connection: Connection) {}

  private collection(granularity: Granularity): mongo.Collection<StoredContainer> {
    return this.connection.collection<StoredContainer>(STATISTICS_COLLECTIONS[granularity]);
  }

  private get corridors(): mongo.Collection<{ _id: string }> {
    return this.connection.collection<{ _id: string }>(CORRIDORS_COLLECTION);
  }

  /** Adds every increment of the batch. */
  async apply(batch: IncrementBatch): Promise<void> {
    const byGranularity = new Map<Granularity, mongo.AnyBulkWriteOperation<StoredContainer>[]>();
    for (const [granularity, docId, increments] of batch.entries()) {
      const operations = byGranularity.get(granularity) ?? [];
      operations.push({ updateOne: { filter: { _id: docId }, update: { $inc: increments }, upsert: true } });
      byGranularity.set(granularity, operations);
    }
    await Promise.all(
      [...byGranularity].map(async ([granularity, operations]) => {
        for (let i = 0; i < operations.length; i += WRITE_CHUNK) {
          await this.collection(granularity).bulkWrite(operations.slice(i, i + WRITE_CHUNK), { ordered: false });
        }
      }),
    );
  }

  /** Remembers a corridor once, so that reports over every corridor know where to look. */
  async noteCorridors(corridors: readonly Corridor[]): Promise<void> {
    const fresh = [...new Set(corridors.map(corridorKey))].filter((key) => !this.knownCorridors.has(key));
    if (fresh.length === 0) return;
    await this.corridors.bulkWrite(
      fresh.map((key) => ({ updateOne: { filter: { _id: key }, update: { $set: { _id: key } }, upsert: true } })),
      { ordered: false },
    );
    fresh.forEach((key) => this.knownCorridors.add(key));
  }

  async listCorridors(): Promise<Corridor[]> {
    const docs = await this.corridors.find({}).toArray();
    return docs.map((doc) => parseCorridorKey(doc._id)).sort((a, b) => corridorKey(a).localeCompare(corridorKey(b)));
  }

  /** Container documents by _id; one lookup each, in parallel, since only _id equality is certain to use the key. */
  async containers(granularity: Granularity, ids: readonly string[]): Promise<Map<string, StoredContainer>> {
    const collection = this.collection(granularity);
    const found = await Promise.all(ids.map((id) => collection.findOne({ _id: id })));
    return new Map(found.filter((doc): doc is StoredContainer => doc !== null).map((doc) => [doc._id, doc]));
  }
}
