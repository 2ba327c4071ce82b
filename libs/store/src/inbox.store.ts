import { Kysely, Selectable, sql } from 'kysely';
import type { InboxEntry } from './inbox-entry';
import type { InboxCounts, InboxEntrySummary } from './inbox-entry-summary';
import type { InboxTable, NodeDatabase } from './postgres/node-database.schema';
import { NodeChannels } from './postgres/node-channels';
import { notify } from './postgres/notify';
import type { StoredCaseKey } from './stored-case-key';

export type InboxStoreResult = 'stored' | 'duplicate';

/**
 * The node's idempotent inbox: the courier stores what arrived (one statement per batch, duplicates ignored by
 * envelope id), node-api applies it in arrival order and marks each entry applied or rejected in the transaction of
 * the case change it made — so that each message's effect happens once.
 */
export class InboxStore {
  constructor(private readonly db: Kysely<NodeDatabase>) {}

  async has(envelopeId: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('inbox')
      .select('envelope_id')
      .where('envelope_id', '=', envelopeId)
      .executeTakeFirst();
    return found !== undefined;
  }

  /**
   * Stores the entries in one statement and wakes node-api; an envelope id already stored (before, or earlier in
   * the same batch) changes nothing. Returns, in order, whether each was stored or a duplicate. Entries are given
   * their arrival order (`seq`) in the order given.
   */
  async record(entries: readonly InboxEntry[]): Promise<InboxStoreResult[]> {
    if (entries.length === 0) return [];
    const stored = this.db
      .insertInto('inbox')
      .values(
        entries.map((entry) => ({
          envelope_id: entry.envelopeId,
          type: entry.type,
          from_country: entry.from,
          case_id: entry.caseId,
          correlation_id: entry.correlationId,
          causation_id: entry.causationId ?? null,
          sent_at: entry.sentAt,
          received_at: entry.receivedAt,
          digest: entry.digest,
          sealed_payload: entry.sealedPayload ?? null,
          payload_withheld: entry.payloadWithheld ?? null,
          traceparent: entry.traceparent ?? null,
        })),
      )
      .onConflict((conflict) => conflict.column('envelope_id').doNothing())
      .returning('envelope_id');
    // node-api is woken by the same statement, when it stored anything (at its commit, as any notification).
    const { rows } = await sql<{ fresh: string[] }>`
      with stored as (${stored})
      select coalesce(array_agg(envelope_id), '{}') as fresh,
             (select pg_notify(${NodeChannels.inbox}, '') where exists (select 1 from stored)) as notified
        from stored`.execute(this.db);
    const fresh = new Set(rows[0]?.fresh ?? []);
    return entries.map((entry) => (fresh.delete(entry.envelopeId) ? 'stored' : 'duplicate'));
  }

  /**
   * The oldest entries neither applied nor rejected whose time has come (not postponed past `now`), in arrival
   * order, through the partial index of unapplied entries; then, so that a case's entries are never applied out of
   * order, the postponed entries of the same cases too (a message waiting for the one it follows is tried again
   * when that one arrives). One statement for both.
   */
  async findUnapplied(limit: number, now: Date = new Date()): Promise<InboxEntry[]> {
    const rows = await this.unapplied(limit, now).execute();
    return rows.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq))).map(entryOf);
  }

  /**
   * The same entries, with the stored keys of their cases read in the same statement (a case absent from `keys` has
   * none): the applier opens and reseals a round's messages with them, and reads them no other way.
   */
  async findUnappliedWithKeys(
    limit: number,
    now: Date = new Date(),
  ): Promise<{ entries: InboxEntry[]; keys: Map<string, StoredCaseKey> }> {
    const rows = await this.db
      .selectFrom(this.unapplied(limit, now).as('found'))
      .leftJoin('case_keys', 'case_keys.case_id', 'found.case_id')
      .selectAll('found')
      .select([
        'case_keys.case_id as key_case_id',
        'case_keys.wrapped_key as key_wrapped',
        'case_keys.destroyed_at as key_destroyed_at',
      ])
      .execute();
    const keys = new Map<string, StoredCaseKey>();
    for (const row of rows) {
      if (row.key_case_id !== null) {
        keys.set(row.key_case_id, {
          case_id: row.key_case_id,
          wrapped_key: row.key_wrapped,
          destroyed_at: row.key_destroyed_at,
        });
      }
    }
    const entries = rows.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq))).map(entryOf);
    return { entries, keys };
  }

  private unapplied(limit: number, now: Date) {
    return this.db
      .with('due', (db) =>
        db
          .selectFrom('inbox')
          .selectAll()
          .where('applied_at', 'is', null)
          .where('rejection_code', 'is', null)
          .where((where) => where.or([where('not_before', 'is', null), where('not_before', '<=', now)]))
          .orderBy('seq')
          .limit(limit),
      )
      .selectFrom('due')
      .selectAll()
      .unionAll((db) =>
        db
          .selectFrom('inbox')
          .selectAll()
          .where('case_id', 'in', db.selectFrom('due').select('case_id'))
          .where('applied_at', 'is', null)
          .where('rejection_code', 'is', null)
          .where('not_before', '>', now),
      );
  }

  /**
   * Of the entries given, those still neither applied nor rejected, locked until the caller's transaction ends:
   * another applier that took the same entries waits here, then finds them done and leaves them.
   */
  async lockUnsettled(db: Kysely<NodeDatabase>, envelopeIds: readonly string[]): Promise<Set<string>> {
    if (envelopeIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('inbox')
      .select('envelope_id')
      // `= any` of one array: one statement text for any count, prepared once per connection.
      .where((where) => where('envelope_id', '=', where.fn.any(where.val([...envelopeIds]))))
      .where('applied_at', 'is', null)
      .where('rejection_code', 'is', null)
      .orderBy('seq')
      .forUpdate()
      .execute();
    return new Set(rows.map((row) => row.envelope_id));
  }

  /** Marks entries applied and drops their payloads; in the caller's transaction when given one. */
  async markApplied(
    envelopeIds: readonly string[],
    appliedAt: Date,
    db: Kysely<NodeDatabase> = this.db,
  ): Promise<void> {
    if (envelopeIds.length === 0) return;
    await db
      .updateTable('inbox')
      .set({ applied_at: appliedAt, sealed_payload: null, not_before: null })
      .where((where) => where('envelope_id', '=', where.fn.any(where.val([...envelopeIds]))))
      .execute();
  }

  /**
   * Sets an entry aside, with the reason (which names no person): it is not tried again, but it keeps its sealed
   * payload and stays listed (`listSetAside`) until it is applied again (`reapply`). A redelivery of its envelope is
   * a duplicate, so this row is the only copy of the message at this node: it is never dropped.
   */
  async markRejected(
    envelopeId: string,
    rejection: { code: string; detail: string },
    db: Kysely<NodeDatabase> = this.db,
  ): Promise<void> {
    await db
      .updateTable('inbox')
      .set({
        rejection_code: rejection.code,
        rejection_detail: rejection.detail,
        set_aside_at: new Date(),
        attempts: sql`attempts + 1`,
        not_before: null,
      })
      .where('envelope_id', '=', envelopeId)
      .execute();
  }

  /**
   * Puts set-aside entries back to be applied (all of them without `envelopeIds`), in arrival order among the
   * others, and wakes node-api. Only an entry still set aside is put back: of two requests for the same entry, the
   * database lets one through and the other finds nothing to do; the applier then applies it once, as any entry.
   * Returns the ids put back. In the caller's transaction when given one (with its audit record).
   */
  async reapply(envelopeIds?: readonly string[], db: Kysely<NodeDatabase> = this.db): Promise<string[]> {
    if (envelopeIds !== undefined && envelopeIds.length === 0) return [];
    let update = db
      .updateTable('inbox')
      .set({
        rejection_code: null,
        rejection_detail: null,
        set_aside_at: null,
        not_before: null,
        attempts: 0,
        reapplied: sql`reapplied + 1`,
      })
      .where('rejection_code', 'is not', null)
      .where('applied_at', 'is', null);
    if (envelopeIds !== undefined) update = update.where('envelope_id', 'in', [...envelopeIds]);
    const rows = await update.returning('envelope_id').execute();
    if (rows.length > 0) await notify(db, NodeChannels.inbox);
    return rows.map((row) => row.envelope_id);
  }

  /** Set-aside entries in arrival order, after `afterSeq` when paging, through their partial index. */
  async listSetAside(limit: number, afterSeq?: string): Promise<{ entries: InboxEntrySummary[]; lastSeq?: string }> {
    let query = this.db
      .selectFrom('inbox')
      .selectAll()
      .where('rejection_code', 'is not', null)
      .where('applied_at', 'is', null);
    if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
    const rows = await query.orderBy('seq').limit(limit).execute();
    return { entries: rows.map(summaryOf), ...(rows.length > 0 ? { lastSeq: rows[rows.length - 1]?.seq } : {}) };
  }

  /** Entries that wait for the message they follow (postponed, neither applied nor set aside), in arrival order. */
  async listWaiting(limit: number, afterSeq?: string): Promise<{ entries: InboxEntrySummary[]; lastSeq?: string }> {
    let query = this.db
      .selectFrom('inbox')
      .selectAll()
      .where('applied_at', 'is', null)
      .where('rejection_code', 'is', null)
      .where('not_before', 'is not', null);
    if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
    const rows = await query.orderBy('seq').limit(limit).execute();
    return { entries: rows.map(summaryOf), ...(rows.length > 0 ? { lastSeq: rows[rows.length - 1]?.seq } : {}) };
  }

  /** One entry as a supervisor sees it; undefined when there is none with this id. */
  async summary(envelopeId: string): Promise<InboxEntrySummary | undefined> {
    const row = await this.db.selectFrom('inbox').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirst();
    return row ? { ...summaryOf(row), ...(row.applied_at ? { appliedAt: row.applied_at } : {}) } : undefined;
  }

  /** The counts of unapplied, waiting and set-aside entries, through the partial indexes of the first and the last. */
  async counts(): Promise<InboxCounts> {
    const row = await sql<{ unapplied: string; waiting: string; set_aside: string }>`
      select
        (select count(*) from inbox where applied_at is null and rejection_code is null) as unapplied,
        (select count(*) from inbox where applied_at is null and rejection_code is null and not_before is not null) as waiting,
        (select count(*) from inbox where applied_at is null and rejection_code is not null) as set_aside`.execute(
      this.db,
    );
    const counts = row.rows[0];
    return {
      unapplied: Number(counts?.unapplied ?? 0),
      waiting: Number(counts?.waiting ?? 0),
      setAside: Number(counts?.set_aside ?? 0),
    };
  }

  /**
   * An entry that came before the one it follows waits until `until` (or until another entry of its case is
   * looked at), so that it does not hold up, round after round, the entries behind it.
   */
  async postpone(envelopeId: string, until: Date, db: Kysely<NodeDatabase> = this.db): Promise<void> {
    await db
      .updateTable('inbox')
      .set({ not_before: until, attempts: sql`attempts + 1` })
      .where('envelope_id', '=', envelopeId)
      .execute();
  }
}

function summaryOf(row: Selectable<InboxTable>): InboxEntrySummary {
  return {
    envelopeId: row.envelope_id,
    type: row.type,
    from: row.from_country,
    caseId: row.case_id,
    receivedAt: row.received_at,
    attempts: row.attempts,
    ...(row.rejection_code !== null
      ? {
          setAside: {
            code: row.rejection_code,
            detail: row.rejection_detail ?? '',
            at: row.set_aside_at ?? row.received_at,
          },
        }
      : {}),
    ...(row.rejection_code === null && row.applied_at === null && row.not_before !== null
      ? { waitingUntil: row.not_before }
      : {}),
    reapplied: row.reapplied,
    payloadKept: row.sealed_payload !== null,
  };
}

function entryOf(row: Selectable<InboxTable>): InboxEntry {
  return {
    envelopeId: row.envelope_id,
    type: row.type,
    from: row.from_country,
    caseId: row.case_id,
    correlationId: row.correlation_id,
    ...(row.causation_id ? { causationId: row.causation_id } : {}),
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    digest: row.digest,
    ...(row.sealed_payload !== null ? { sealedPayload: row.sealed_payload } : {}),
    ...(row.payload_withheld === 'CASE_ERASED' ? { payloadWithheld: 'CASE_ERASED' as const } : {}),
    attempts: row.attempts,
    ...(row.traceparent ? { traceparent: row.traceparent } : {}),
  };
}
