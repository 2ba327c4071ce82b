import type { Connection } from 'mongoose';

/**
 * Watches for referrals arriving in a node's database, by id. FerretDB v1 (SQLite) pushes down only a filter on
 * `_id` equality: a count or an `$in` scans the whole collection and would load the database it measures, so each
 * id is looked up alone, oldest first, and a round stops at the first one not there yet.
 */
export class ArrivalTracker {
  private readonly waiting: string[] = [];
  /** Arrival time (the case's createdAt at the receiver) of each id seen. */
  readonly arrivedAt = new Map<string, number>();

  constructor(private readonly db: Connection) {}

  expect(id: string): void {
    this.waiting.push(id);
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** One round of look-ups; returns how many arrived in it. */
  async poll(parallel = 4): Promise<number> {
    const referrals = this.db.collection<{ _id: string; createdAt: Date }>('referrals');
    let found = 0;
    while (this.waiting.length > 0) {
      const slice = this.waiting.slice(0, parallel);
      const docs = await Promise.all(
        slice.map((id) => referrals.findOne({ _id: id }, { projection: { createdAt: 1 } })),
      );
      let taken = 0;
      for (const doc of docs) {
        if (!doc) break;
        this.arrivedAt.set(doc._id, doc.createdAt.getTime());
        taken++;
      }
      this.waiting.splice(0, taken);
      found += taken;
      if (taken < slice.length) break;
    }
    return found;
  }

  /** Polls until nothing is waiting or the deadline passes. */
  async drain(timeoutMs: number, onRound?: () => void): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.waiting.length > 0 && Date.now() < deadline) {
      if ((await this.poll()) === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      onRound?.();
    }
  }
}
