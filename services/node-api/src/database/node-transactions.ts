import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { NodeDatabase } from '@enlace/store';

interface OpenTransaction {
  readonly trx: Transaction<NodeDatabase>;
  readonly afterCommit: (() => Promise<void>)[];
  /** What the transaction knows of the rows it locked and wrote, by key. */
  readonly known: Map<string, unknown>;
  /** Writes gathered during the transaction, each list written in one statement just before it commits. */
  readonly queued: Map<string, { readonly items: unknown[]; readonly write: (items: unknown[]) => Promise<void> }>;
  /** Locks to take with the transaction's last write (`lockWithLastWrite`), and whether a write took them. */
  readonly lastWriteLocks: { readonly locks: RawBuilder<void>[]; taken: boolean };
}

/**
 * The node's database, and the transaction the caller is in. The inbox applier applies a case's messages and marks
 * them applied in one transaction, through the same repository methods an API request calls on their own: those
 * methods run their statements in the caller's transaction when there is one (`run` joins it), else in one of their
 * own. Work that must not happen unless the transaction commits (destroying an erased case's key, which lives outside
 * it) waits for the commit. A case changed twice in one transaction is not read back in between: the writer leaves
 * what it wrote here (`remember`), and the next read of that case in the transaction takes it. Small writes of the
 * same kind that many messages of a batch make (a delivery noted on a message) are gathered (`queue`) and written
 * together, one statement for all, just before the transaction commits.
 */
export class NodeTransactions {
  private readonly current = new AsyncLocalStorage<OpenTransaction>();

  constructor(readonly db: Kysely<NodeDatabase>) {}

  /** Where a read goes: the open transaction (which sees its own writes), or the pool. */
  get executor(): Kysely<NodeDatabase> {
    return this.current.getStore()?.trx ?? this.db;
  }

  /** True inside `run`: reads of a case lock its row until the transaction ends. */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** Runs `work` in the caller's transaction, or in a new one that commits when `work` resolves. */
  async run<T>(work: (trx: Transaction<NodeDatabase>) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open.trx);
    const afterCommit: (() => Promise<void>)[] = [];
    const result = await this.db.transaction().execute((trx) => {
      const opened: OpenTransaction = {
        trx,
        afterCommit,
        known: new Map(),
        queued: new Map(),
        lastWriteLocks: { locks: [], taken: false },
      };
      return this.current.run(opened, async () => {
        const done = await work(trx);
        for (const { items, write } of opened.queued.values()) await write(items);
        return done;
      });
    });
    for (const then of afterCommit) await then();
    return result;
  }

  /**
   * Adds `item` to the open transaction's list `name`, which `write` writes in one statement just before the
   * transaction commits (one `write` per list: the first given). Returns false outside a transaction: the caller
   * writes the item at once.
   */
  queue<T>(name: string, item: T, write: (items: T[]) => Promise<void>): boolean {
    const open = this.current.getStore();
    if (!open) return false;
    let list = open.queued.get(name);
    if (!list) {
      list = { items: [], write: write as (items: unknown[]) => Promise<void> };
      open.queued.set(name, list);
    }
    list.items.push(item);
    return true;
  }

  /**
   * Writes the open transaction's list `name` now, in one statement, and empties it: for a write that must come after
   * the gathered ones (a change of a case whose earlier change of the transaction is still gathered).
   */
  async flush(name: string): Promise<void> {
    const open = this.current.getStore();
    const list = open?.queued.get(name);
    if (!open || !list) return;
    open.queued.delete(name);
    await list.write(list.items);
  }

  /** Runs `then` once the open transaction commits (never if it rolls back); at once outside a transaction. */
  async afterCommit(then: () => Promise<void>): Promise<void> {
    const open = this.current.getStore();
    if (open) open.afterCommit.push(then);
    else await then();
  }

  /** What this transaction wrote or read under `key` (a case it locked), if anything; never outside a transaction. */
  remembered<T>(key: string): T | undefined {
    return this.current.getStore()?.known.get(key) as T | undefined;
  }

  /** Keeps `value` as the state of `key` for the rest of the open transaction; nothing outside a transaction. */
  remember(key: string, value: unknown): void {
    this.current.getStore()?.known.set(key, value);
  }

  /** Forgets `key`: the next read in the transaction goes to the database. */
  forget(key: string): void {
    this.current.getStore()?.known.delete(key);
  }

  /**
   * Asks the open transaction's last write to take `lock` (a call like `pg_advisory_xact_lock(...)`) in its own
   * statement, so that a lock needed only from there to the commit (the audit log's) costs no statement of its own.
   */
  lockWithLastWrite(lock: RawBuilder<void>): void {
    this.current.getStore()?.lastWriteLocks.locks.push(lock);
  }

  /**
   * For the select list of a write that may be the transaction's last: the locks asked for (`null` when none), which
   * count as taken from then on.
   */
  lastWriteLocks(): RawBuilder<unknown> {
    const wanted = this.current.getStore()?.lastWriteLocks;
    if (!wanted || wanted.locks.length === 0) return sql`null`;
    wanted.taken = true;
    return sql.join(wanted.locks);
  }

  /** True once a write of the open transaction took the locks asked for with lockWithLastWrite. */
  get lastWriteLocked(): boolean {
    return this.current.getStore()?.lastWriteLocks.taken ?? false;
  }
}
