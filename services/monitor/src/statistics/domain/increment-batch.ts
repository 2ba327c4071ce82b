import { StatisticsIncrement } from './statistics-increment';
import { Granularity } from './time-buckets';

/**
 * Increments gathered before they are written: those on the same counter add up, so that a burst (or a bulk load
 * of a million envelopes) becomes one $inc per container document instead of one per envelope.
 */
export class IncrementBatch {
  private readonly documents = new Map<Granularity, Map<string, Map<string, number>>>();
  private counters = 0;

  add(increments: readonly StatisticsIncrement[]): this {
    for (const { granularity, docId, path, by } of increments) {
      let byDoc = this.documents.get(granularity);
      if (!byDoc) this.documents.set(granularity, (byDoc = new Map()));
      let byPath = byDoc.get(docId);
      if (!byPath) byDoc.set(docId, (byPath = new Map()));
      if (!byPath.has(path)) this.counters++;
      byPath.set(path, (byPath.get(path) ?? 0) + by);
    }
    return this;
  }

  /** Distinct counters touched. */
  get size(): number {
    return this.counters;
  }

  /** Per granularity, per container document, the amounts to add by field path. */
  *entries(): Iterable<[Granularity, string, Record<string, number>]> {
    for (const [granularity, byDoc] of this.documents) {
      for (const [docId, byPath] of byDoc) yield [granularity, docId, Object.fromEntries(byPath)];
    }
  }

  clear(): void {
    this.documents.clear();
    this.counters = 0;
  }
}
