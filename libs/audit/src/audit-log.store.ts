import type { AuditLogTable, NodeDatabase } from '@enlace/store';
import { Kysely, RawBuilder, Selectable, sql, Transaction } from 'kysely';
import { sealAuditRecord } from './audit-hash';
import type { AuditKey } from './audit-key';
import { AuditKeyMismatchError } from './audit-key-mismatch.error';
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

/** Where the log ends: the last record's number and seal (0 and GENESIS_HASH for an empty log). */
export interface AuditLogHead {
  readonly seq: number;
  readonly hash: string;
  /** The audit key that sealed the last record; absent when it was sealed by SHA-256 alone (or the log is empty). */
  readonly keyId?: string;
}

/**
 * A node's append-only, chained audit log (`audit_log`, the sequence number its primary key), each record sealed with
 * the node's audit key (HMAC-SHA256; without a key, SHA-256 alone, as the monitor's log is). An append takes the log's
 * advisory lock in its transaction, reads the head and inserts after it: writers of all processes take
 * their turns, and an append whose transaction rolls back leaves neither a record nor a gap. Within one process,
 * appends queue up and are written in batches by one writer at a time, so a busy node pays one transaction per
 * batch, not per record. Nothing here updates or deletes a record.
 */
export class AuditLogStore<DB extends AuditLogDatabase = NodeDatabase> {
  private readonly queue: Pending[] = [];
  private writing = false;
  private readonly db: Kysely<AuditLogDatabase>;

  private readonly maxPending: number;
  private readonly key: AuditKey | undefined;

  /**
   * A node's database, or any other with the log's table (narrowed here: Kysely takes no wider database for it);
   * `key`: the audit key that seals each record (a node's log must have one); `maxPending`: entries that may wait for
   * the log at most (MAX_PENDING).
   */
  constructor(db: Kysely<DB>, options: { key?: AuditKey; maxPending?: number } = {}) {
    this.db = db as unknown as Kysely<AuditLogDatabase>;
    this.key = options.key;
    this.maxPending = options.maxPending ?? MAX_PENDING;
  }

  /** The log's last record's number and seal, as a checkpoint anchors it. */
  async head(): Promise<AuditLogHead> {
    return headOf(
      await this.db
        .selectFrom('audit_log')
        .select(['seq', 'hash', 'key_id'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),
    );
  }

  /**
   * Refuses (AuditKeyMismatchError) when the log's last record was sealed with another audit key than this store's,
   * or it has none: checked at start, so that a node given the wrong key file says so at once instead of at its
   * first write.
   */
  async assertKeyMatches(): Promise<void> {
    const head = await this.head();
    if (head.keyId !== undefined && head.keyId !== this.key?.id)
      throw new AuditKeyMismatchError(head.keyId, this.key?.id);
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
   * Reads the head and inserts the entries after it, each sealed here (with the audit key, which never goes to the
   * database) and chained to the one before. The head is read after the log's lock is held (taken by an earlier
   * statement of the transaction, `locked`, else here), so it is the newest committed one. Even a head read in a
   * stale snapshot cannot fork the chain: the sequence number is the key, and a record after a stale head fails on it
   * instead of being written. A log sealed with another key than this store's is refused, never continued.
   */
  private async appendOn(
    trx: Transaction<AuditLogDatabase>,
    entries: readonly AuditEntry[],
    locked: boolean,
  ): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    if (!locked) await sql`select ${auditLogLock()}`.execute(trx);
    const head = headOf(
      await trx
        .selectFrom('audit_log')
        .select(['seq', 'hash', 'key_id'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),
    );
    if (head.keyId !== undefined && head.keyId !== this.key?.id)
      throw new AuditKeyMismatchError(head.keyId, this.key?.id);
    const records: AuditRecord[] = [];
    let { seq, hash: prevHash } = head;
    for (const entry of entries) {
      seq++;
      const record = sealAuditRecord({ ...entry, seq, prevHash }, this.key);
      records.push(record);
      prevHash = record.hash;
    }
    await trx
      .insertInto('audit_log')
      .values(
        records.map((record) => ({
          seq: String(record.seq),
          at: record.at,
          at_instant: record.at,
          actor: record.actor === null ? null : JSON.stringify(record.actor),
          action: record.action,
          resource: JSON.stringify(record.resource),
          outcome: record.outcome,
          prev_hash: record.prevHash,
          hash: record.hash,
          key_id: record.keyId ?? null,
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
    ...(row.key_id !== null && row.key_id !== undefined && { keyId: row.key_id }),
    hash: row.hash,
  };
}

function headOf(row: { seq: string; hash: string; key_id: string | null } | undefined): AuditLogHead {
  if (!row) return { seq: 0, hash: GENESIS_HASH };
  return { seq: Number(row.seq), hash: row.hash, ...(row.key_id !== null && { keyId: row.key_id }) };
}
