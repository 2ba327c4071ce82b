import { Kysely, sql } from 'kysely';
import { isTransientStoreFailure, type NodeDatabase } from '@enlace/store';

/** Ids asked for in one query: a round trip stays small however long the backlog of waiting ids grows. */
const IDS_PER_QUERY = 5_000;

/**
 * Watches for referrals arriving in a node's database, by id: each round asks for every waiting id at once
 * (`id = any($1)`, answered by the primary key) and keeps the arrival time of those that are there.
 */
export class ArrivalTracker {
  private readonly waiting = new Set<string>();
  /** Arrival time (the case's created_at at the receiver) of each id seen. */
  readonly arrivedAt = new Map<string, number>();

  constructor(private readonly db: Kysely<NodeDatabase>) {}

  expect(id: string): void {
    this.waiting.add(id);
  }

  get pending(): number {
    return this.waiting.size;
  }

  /**
   * One round of look-ups; returns how many arrived in it. A database too busy to answer in time (a loaded machine)
   * makes a round that found nothing, not the end of the run: the next round asks again.
   */
  async poll(): Promise<number> {
    try {
      return await this.lookUp();
    } catch (error) {
      if (isTransientStoreFailure(error)) return 0;
      throw error;
    }
  }

  private async lookUp(): Promise<number> {
    const ids = [...this.waiting];
    let found = 0;
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const rows = await this.db
        .selectFrom('cases')
        .select(['id', 'created_at'])
        .where(sql<boolean>`id = any(${ids.slice(start, start + IDS_PER_QUERY)}::text[])`)
        .execute();
      for (const row of rows) {
        this.arrivedAt.set(row.id, row.created_at.getTime());
        this.waiting.delete(row.id);
      }
      found += rows.length;
    }
    return found;
  }

  /** Polls until nothing is waiting or the deadline passes. */
  async drain(timeoutMs: number, onRound?: () => void): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.waiting.size > 0 && Date.now() < deadline) {
      if ((await this.poll()) === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      onRound?.();
    }
  }
}
