import { StatisticsIncrement, counterName } from './statistics-increment';

/**
 * Increments gathered before they are written: those on the same counter add up, so that a burst (or a bulk load
 * of a million envelopes) becomes one addition per counter instead of one per envelope.
 */
export class IncrementBatch {
  private readonly counters = new Map<string, StatisticsIncrement>();

  add(increments: readonly StatisticsIncrement[]): this {
    for (const increment of increments) {
      const name = counterName(increment);
      const before = this.counters.get(name);
      this.counters.set(name, before ? { ...before, by: before.by + increment.by } : increment);
    }
    return this;
  }

  /** Distinct counters touched. */
  get size(): number {
    return this.counters.size;
  }

  /** One increment per counter touched, the amounts of the batch added up. */
  entries(): StatisticsIncrement[] {
    return [...this.counters.values()];
  }

  clear(): void {
    this.counters.clear();
  }
}
