import type { AuditLogTable, NodeDatabase } from '@enlace/store';
import { Kysely, Selectable, sql, Transaction } from 'kysely';
import { auditHash } from './audit-hash';
import { AuditActor, AuditEntry, AuditRecord, GENESIS_HASH } from './audit-record';
import { AuditLogOverloadedError } from './audit-log-overloaded.error';

/** What the audit log needs of a database: its one table (a node's database has it, and so may the monitor's). */
export interface AuditLogDatabase {
  audit_log: AuditLogTable;
}

/**
 * The advisory lock that orders every append to the log, held to the end of the appending transaction: "audit" in
 * ASCII, a number no other lock of the database uses (Kysely's migrator takes its own).
 */
export const AUDIT_LOG_LOCK = 0x61_75_64_69_74;
const MAX_BATCH = 500;
const PAGE = 1_000;

type Head = Pick<AuditRecord, 'seq' | 'hash'>;

interface Pending {
  readonly entry: AuditEntry;
  readonly resolve: (record: AuditRecord) => void;
  readonly reject: (error: Error) => void;
}

/** Entries one process may have waiting for the log at most. */
export const MAX_PENDING = 10_000;

/**
 * A node's append-only, hash-chained audit log (`audit_log`, the sequence number its primary key). An append takes
 * the log's advisory lock in its transaction, reads the head and inserts after it: writers of all processes take
 * their turns, and an append whose transaction rolls back leaves neither a record nor a gap. Within one process,
 * appends queue up and are written in batches by one writer at a time, so a busy node pays one transaction per
 * batch, not per record. Nothing here updates or deletes a record.
 */
export class AuditLogStore<DB extends AuditLogDatabase = NodeDatabase> {
  private readonly queue: Pending[] = [];
  private writing = false;
  private readonly db: Kysely<AuditLogDatabase>;

  private readonly maxPending: number;

  /**
   * A node's database, or any other with the log's table (narrowed here: Kysely takes no wider database for it);
   * `maxPending`: entries that may wait for the log at most (MAX_PENDING).
   */
  constructor(db: Kysely<DB>, options: { maxPending?: number } = {}) {
    this.db = db as unknown as Kysely<AuditLogDatabase>;
    this.maxPending = options.maxPending ?? MAX_PENDING;
  }

  /**
   * Resolves once the entry is in the chain (committed). With maxPending entries already waiting (the database is
   * away or far behind), it refuses at once (AuditLogOverloadedError) instead of holding ever more in memory.
   */
  append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.queue.length >= this.maxPending) return Promise.reject(new AuditLogOverloadedError(this.queue.length));
    return new Promise<AuditRecord>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /**
   * Chains the entries after the head and inserts them, in the caller's transaction: they are in the log when it
   * commits, and gone without a trace when it rolls back. The log's lock is held until then and makes every other
   * append wait, so a caller does this last, just before it commits. The transaction must read what others committed
   * while it waited (read committed, PostgreSQL's default): an older snapshot's head fails on the sequence's key.
   */
  appendWithin(trx: Transaction<DB>, entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
    return this.appendOn(trx as unknown as Transaction<AuditLogDatabase>, entries);
  }

  /** Every record in chain order, read a page at a time (never the whole log at once). */
  async *records(): AsyncIterable<AuditRecord> {
    let after = '0';
    for (;;) {
      const page = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of page) yield toRecord(row);
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = last.seq;
    }
  }

  private async appendOn(trx: Transaction<AuditLogDatabase>, entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    await sql`select pg_advisory_xact_lock(${AUDIT_LOG_LOCK})`.execute(trx);
    const head = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let previous: Head = head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
    const records = entries.map((entry) => {
      const unsealed = { ...entry, seq: previous.seq + 1, prevHash: previous.hash };
      const record: AuditRecord = { ...unsealed, hash: auditHash(unsealed) };
      previous = record;
      return record;
    });
    await trx
      .insertInto('audit_log')
      .values(
        records.map((record) => ({
          seq: String(record.seq),
          at: record.at,
          actor: record.actor ? { ...record.actor } : null,
          action: record.action,
          resource: { ...record.resource },
          outcome: record.outcome,
          prev_hash: record.prevHash,
          hash: record.hash,
        })),
      )
      .execute();
    return records;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const entries = batch.map((pending) => pending.entry);
          const records = await this.db.transaction().execute((trx) => this.appendOn(trx, entries));
          batch.forEach((pending, i) => pending.resolve(records[i] as AuditRecord));
        } catch (error) {
          batch.forEach((pending) => pending.reject(error as Error));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    at: row.at,
    actor: row.actor as unknown as AuditActor | null,
    action: row.action,
    resource: row.resource,
    outcome: row.outcome,
    hash: row.hash,
  };
}
