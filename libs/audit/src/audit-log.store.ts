import type { AuditLogTable, NodeDatabase } from '@enlace/store';
import { Kysely, RawBuilder, Selectable, sql, Transaction } from 'kysely';
import { auditHashTemplate } from './audit-hash';
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

/**
 * The call that takes the log's lock until the transaction ends, for the select list of the statement a caller runs
 * last before `appendWithin(..., { locked: true })`: the lock then costs no statement of its own.
 */
export function auditLogLock(): RawBuilder<void> {
  return sql<void>`pg_advisory_xact_lock(${AUDIT_LOG_LOCK}::bigint)`;
}
const PAGE = 1_000;

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
   * `locked`: an earlier statement of the transaction took the lock already (`auditLogLock()` in its select list,
   * its last write's), and the append is then one statement.
   */
  appendWithin(
    trx: Transaction<DB>,
    entries: readonly AuditEntry[],
    options: { locked?: boolean } = {},
  ): Promise<AuditRecord[]> {
    return this.appendOn(trx as unknown as Transaction<AuditLogDatabase>, entries, options.locked ?? false);
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

  /**
   * One statement reads the head and inserts the entries after it, their hashes made by the database from each
   * entry's template (auditHashTemplate), chained in a recursive query. The head is read in the statement's snapshot:
   * the log's lock must already be held, taken by an earlier statement of the transaction (`locked`, else here in a
   * statement of its own), for a snapshot taken while waiting for it would miss the head another writer committed
   * meanwhile. Even then the chain cannot break: the sequence number is the key, and a record after a stale head
   * fails on it instead of being written.
   */
  private async appendOn(
    trx: Transaction<AuditLogDatabase>,
    entries: readonly AuditEntry[],
    locked: boolean,
  ): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    if (!locked) await sql`select ${auditLogLock()}`.execute(trx);
    const rows = entries.map((entry) => {
      const template = auditHashTemplate(entry);
      return {
        before_prev_hash: template.beforePrevHash,
        before_seq: template.beforeSeq,
        after_seq: template.afterSeq,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        resource: entry.resource,
        outcome: entry.outcome,
      };
    });
    const { rows: written } = await sql<{ seq: string; prev_hash: string; hash: string }>`
      with recursive entry as (
        select *
          from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as (
                 before_prev_hash text, before_seq text, after_seq text, at text, actor jsonb, action text,
                 resource jsonb, outcome integer)) with ordinality
               as e(before_prev_hash, before_seq, after_seq, at, actor, action, resource, outcome, n)
      ),
      head as (select seq, hash from audit_log order by seq desc limit 1),
      chain (n, seq, prev_hash, hash) as (
        select 0::bigint, coalesce((select seq from head), 0::bigint), null::text,
               coalesce((select hash from head), ${GENESIS_HASH})
        union all
        select e.n, c.seq + 1, c.hash,
               encode(sha256(convert_to(
                 e.before_prev_hash || c.hash || e.before_seq || (c.seq + 1)::text || e.after_seq, 'UTF8')), 'hex')
          from chain c join entry e on e.n = c.n + 1
      )
      insert into audit_log (seq, at, actor, action, resource, outcome, prev_hash, hash)
      select c.seq, e.at, e.actor, e.action, e.resource, e.outcome, c.prev_hash, c.hash
        from chain c join entry e on e.n = c.n
      returning seq, prev_hash, hash`.execute(trx);
    written.sort((a, b) => Number(a.seq) - Number(b.seq));
    return entries.map((entry, i) => {
      const row = written[i] as (typeof written)[number];
      return { ...entry, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const entries = batch.map((pending) => pending.entry);
          const records = await this.db.transaction().execute((trx) => this.appendOn(trx, entries, false));
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
