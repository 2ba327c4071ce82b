import {
  NodeChannels,
  outboxRowOf,
  type CaseKeysTable,
  type CasesTable,
  type NodeDatabase,
  type OutboxEntry,
} from '@enlace/store';
import {
  sql,
  type ExpressionBuilder,
  type Expression,
  type Insertable,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { NodeTransactions } from '../../database/node-transactions';
import type { TimelineEntry } from '../domain/case-content';
import type { CaseListPosition, CaseListSort } from './case-list.query';
import type { CaseErasure } from './protocol-case.document';

/** A case row as stored, with its outbox (headers only: no payload leaves this table for a view). */
export type CaseRow = Selectable<CasesTable> & { outbox: OutboxEntry[] };
/** A case row without its personal content, timeline and outbox: what lists show. */
export type CaseSummaryRow = Omit<Selectable<CasesTable>, 'personal' | 'timeline' | 'counterpart' | 'urgency'>;

/** One change of a case, decided on `expectedVersion`, with the messages it sends. */
export interface CaseTableChange {
  readonly id: string;
  readonly expectedVersion: number;
  readonly state: Record<string, unknown>;
  readonly status: string;
  readonly timeline: readonly TimelineEntry[];
  readonly due: Date | null;
  readonly pendingOn: string | null;
  /** Consent was withdrawn: the personal content goes, and so do the messages not yet sent. */
  readonly erasure?: CaseErasure;
  readonly outbox: readonly OutboxEntry[];
  readonly at: Date;
}

/** Another writer changed the case in between; the caller reloads and decides again. */
export class ConcurrentCaseChangeError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed concurrently`);
    this.name = 'ConcurrentCaseChangeError';
  }
}

type CasesWhere = ExpressionBuilder<NodeDatabase, 'cases'>;
export type CaseCondition = (where: CasesWhere) => Expression<SqlBool>;

const SUMMARY_COLUMNS = [
  'id',
  'protocol',
  'direction',
  'status',
  'state',
  'details',
  'links',
  'due',
  'pending_on',
  'announced_due',
  'erasure',
  'ended',
  'agency',
  'version',
  'created_at',
  'updated_at',
] as const;

/** A page of a list as the table walks it. */
export interface CaseTablePage {
  readonly sort: CaseListSort;
  readonly limit: number;
  readonly after?: CaseListPosition;
  /**
   * Read the sealed personal content too (to show initials to those who may see them), and beside it the case's key
   * as stored, in the same statement.
   */
  readonly withPersonal?: boolean;
}

/** A row of a list's page: its sort key as text (for the cursor) and, when asked, its sealed content and key. */
export type CaseListRow = CaseSummaryRow & {
  key: string;
  personal?: string | null;
  /** The case's data key, wrapped; null when it was destroyed (or the case has none). */
  wrapped_key?: string | null;
};

const utcMicros = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Each order's key, as the index of that order (migration 0003) has it, and as text for the cursor. A case whose
 * step is due at no time sorts after every due one: its key is the infinite instant.
 */
const PAGE_ORDERS: Readonly<
  Record<CaseListSort, { key: RawBuilder<unknown>; keyText: RawBuilder<string>; descending: boolean }>
> = {
  updated: { key: sql`updated_at`, keyText: utcMicros('updated_at'), descending: true },
  created: { key: sql`created_at`, keyText: utcMicros('created_at'), descending: true },
  due: {
    key: sql`coalesce(due, 'infinity'::timestamptz)`,
    keyText: sql<string>`coalesce(${utcMicros('due')}, 'infinity')`,
    descending: false,
  },
};

/**
 * The `cases` table as every protocol uses it, and its outbox: one change is one transaction — the case row updated
 * if it is still at the version the change was decided on, the change's messages added to the outbox, the courier
 * woken when it commits. Nothing is read back after a write: the caller knows what it wrote.
 */
export class CaseTable {
  constructor(
    private readonly transactions: NodeTransactions,
    readonly protocol: string,
  ) {}

  /** The case as this transaction last wrote or read it (opened), if it did: a case is not read back in between. */
  known<D>(id: string): D | undefined {
    return this.transactions.remembered<D>(caseKey(id));
  }

  /** Keeps the case as the caller now knows it for the rest of the open transaction (nothing outside one). */
  remember(id: string, document: unknown): void {
    this.transactions.remember(caseKey(id), document);
  }

  /**
   * Adds a new case with its first messages, its search terms and, when the caller made it for the case, its key, in
   * one statement (the case, its key, its outbox rows, its terms, the courier's wake-up); 'exists' (and nothing
   * written) when the id is taken. Throws, so that the caller's transaction rolls back, when the case was added but
   * already had a key (its content was sealed with the one given, which would be lost): no case this node opens has
   * one.
   */
  async insert(
    row: Omit<Insertable<CasesTable>, 'protocol'>,
    outbox: readonly OutboxEntry[],
    searchTerms: readonly string[] = [],
    key?: Insertable<CaseKeysTable>,
  ): Promise<'inserted' | 'exists'> {
    const added = this.transactions.executor
      .insertInto('cases')
      .values({ ...row, protocol: this.protocol })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id');
    if (outbox.length === 0 && searchTerms.length === 0 && key === undefined) {
      return (await added.executeTakeFirst()) ? 'inserted' : 'exists';
    }
    // As JSON, for jsonb_to_recordset: a payload (one resting in clear) as itself, not as a string of JSON.
    const rows = outbox.map((entry) => ({
      ...outboxRowOf(entry, this.protocol),
      payload: entry.payload ?? null,
    }));
    // The outbox rows and the terms only when the case was added (the CTE is empty otherwise); the notification
    // goes with the rows.
    const result = await sql<{ inserted: boolean; keyed: boolean }>`
      with added as (${added}),
      queued as (
        insert into outbox (envelope_id, case_id, protocol, type, to_country, correlation_id, causation_id,
                            sealed_payload, payload, created_at, traceparent)
        select o.envelope_id, o.case_id, o.protocol, o.type, o.to_country, o.correlation_id, o.causation_id,
               o.sealed_payload, o.payload, o.created_at, o.traceparent
          from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as (
                 envelope_id text, case_id text, protocol text, type text, to_country text, correlation_id text,
                 causation_id text, sealed_payload text, payload jsonb, created_at timestamptz, traceparent text))
               with ordinality
               as o(envelope_id, case_id, protocol, type, to_country, correlation_id, causation_id, sealed_payload,
                    payload, created_at, traceparent, n)
         where exists (select 1 from added)
         order by o.n
        returning 1),
      indexed as (
        insert into case_search (term, case_id)
        select distinct term, ${row.id}::text from unnest(${[...searchTerms]}::text[]) as term
         where exists (select 1 from added)
        on conflict do nothing),
      keyed as (
        insert into case_keys (case_id, wrapped_key, kek_id, created_at)
        select ${key?.case_id ?? null}::text, ${key?.wrapped_key ?? null}::text, ${key?.kek_id ?? null}::text,
               ${key?.created_at ?? null}::timestamptz
         where ${key !== undefined} and exists (select 1 from added)
        on conflict (case_id) do nothing
        returning 1)
      select exists (select 1 from added) as inserted,
             exists (select 1 from keyed) as keyed,
             (select pg_notify(${NodeChannels.outbox}, '') where exists (select 1 from queued)) as notified,
             ${this.transactions.lastWriteLocks()}`.execute(this.transactions.executor);
    const inserted = result.rows[0]?.inserted === true;
    if (inserted && key !== undefined && result.rows[0]?.keyed !== true) {
      throw new Error(`case ${row.id} had a key already: its content, sealed with a new one, is not written`);
    }
    return inserted ? 'inserted' : 'exists';
  }

  /**
   * Locks the rows of the cases given, whatever their protocol (a batch of the inbox spans them), in one statement
   * and in id order (two batches that share cases lock them in the same order), until the open transaction ends; the
   * rows are kept for the transaction, so that each case is read once for the batch. Returns the protocol of each
   * case found.
   */
  static async lockAll(transactions: NodeTransactions, ids: readonly string[]): Promise<Map<string, string>> {
    if (!transactions.inTransaction) throw new Error('cases are locked inside a transaction');
    const distinct = [...new Set(ids)].sort();
    const rows =
      distinct.length === 0
        ? []
        : await CaseTable.selectWithOutbox(transactions, distinct).forUpdate('cases').orderBy('cases.id').execute();
    const protocols = new Map<string, string>();
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const id of distinct) {
      const row = found.get(id);
      transactions.remember(lockedRowKey(id), row ? caseRowOf(row) : null);
      if (row) protocols.set(id, row.protocol);
    }
    return protocols;
  }

  /**
   * The case with its outbox, in one statement; inside a transaction its row stays locked until the transaction
   * ends, so that a change decided on it cannot be overtaken. A row the transaction locked already (`lockAll`) is
   * not read again.
   */
  async find(id: string, visible?: Expression<SqlBool>): Promise<CaseRow | null> {
    // Rows locked for a batch are the node's own work (messages applied), which sees every case.
    const locked = visible ? undefined : this.transactions.remembered<CaseRow | null>(lockedRowKey(id));
    if (locked !== undefined) return locked?.protocol === this.protocol ? locked : null;
    let query = CaseTable.selectWithOutbox(this.transactions, [id]).where('cases.protocol', '=', this.protocol);
    if (visible) query = query.where(visible);
    if (this.transactions.inTransaction) query = query.forUpdate('cases');
    const row = await query.executeTakeFirst();
    return row ? caseRowOf(row) : null;
  }

  private static selectWithOutbox(transactions: NodeTransactions, ids: readonly string[]) {
    return transactions.executor
      .selectFrom('cases')
      .selectAll('cases')
      .select((select) =>
        jsonArrayFrom(
          select
            .selectFrom('outbox')
            .select([
              'outbox.envelope_id',
              'outbox.type',
              'outbox.to_country',
              'outbox.case_id',
              'outbox.correlation_id',
              'outbox.causation_id',
              'outbox.created_at',
              'outbox.sent_at',
              'outbox.delivered_at',
              'outbox.undeliverable_reason',
              'outbox.undeliverable_at',
            ])
            .whereRef('outbox.case_id', '=', 'cases.id')
            .orderBy('outbox.seq'),
        ).as('outbox'),
      )
      .where((where) =>
        ids.length === 1
          ? where('cases.id', '=', ids[0] as string)
          : where('cases.id', '=', where.fn.any(where.val([...ids]))),
      );
  }

  /**
   * Writes one change in one transaction (the caller's, when it is in one); throws when the case moved on. A change
   * that sends nothing and erases nothing, of a case the open transaction locked for a batch (`lockAll`: no one else
   * can change it until the commit), is gathered with the others of the batch and written with them in one statement
   * just before the commit (a delivery receipt's new status: one per referral sent); any other change first writes
   * those gathered, so that each case's changes reach the table in the order they were made.
   */
  async change(change: CaseTableChange): Promise<void> {
    if (change.outbox.length === 0 && !change.erasure && this.lockedForBatch(change.id)) {
      const gathered = this.transactions.queue(GATHERED_CHANGES, change, (changes) =>
        CaseTable.writeGathered(this.transactions, changes),
      );
      if (gathered) return;
    }
    await this.transactions.flush(GATHERED_CHANGES);
    await this.transactions.run(async (trx) => {
      const updated = await trx
        .updateTable('cases')
        .set({
          state: JSON.stringify(change.state),
          status: change.status,
          timeline: sql`timeline || ${JSON.stringify(change.timeline)}::jsonb`,
          due: change.due,
          pending_on: change.pendingOn,
          updated_at: change.at,
          version: sql`version + 1`,
          ...(change.erasure ? { erasure: JSON.stringify(change.erasure), personal: null } : {}),
        })
        .where('id', '=', change.id)
        .where('version', '=', change.expectedVersion)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new ConcurrentCaseChangeError(change.id);
      if (change.erasure) {
        // Consent is gone: the messages not yet sent would carry the person's data on. One the courier is sending
        // right now is locked by it: this waits, and finds it sent.
        await trx
          .deleteFrom('outbox')
          .where('case_id', '=', change.id)
          .where('sent_at', 'is', null)
          .where('undeliverable_reason', 'is', null)
          .execute();
        // The search terms go with the person's data: they are keyed by the node's key, not the case's, so
        // destroying the case's key would leave them able to confirm a guessed name.
        await trx.deleteFrom('case_search').where('case_id', '=', change.id).execute();
        // The documents go too (their chunks with them): sealed under the key destroyed next, they could not be read.
        await trx.deleteFrom('case_documents').where('case_id', '=', change.id).execute();
      }
      await this.addOutbox(trx, change.outbox);
    });
  }

  /**
   * One page of this protocol's cases (summaries, with the sealed `personal` only when asked), `limit + 1` rows: the
   * extra one tells whether another page follows. The page is a walk of the index of its order from the position
   * after the previous page (a keyset, not an offset), so a page costs the same at any depth; the filters are
   * column comparisons on the way. `key` is each row's sort key as text to the microsecond, for the next cursor.
   */
  async listPage(page: CaseTablePage, conditions: readonly CaseCondition[]): Promise<CaseListRow[]> {
    const order = PAGE_ORDERS[page.sort];
    let query = this.transactions.executor
      .selectFrom('cases')
      .select(SUMMARY_COLUMNS)
      .select(order.keyText.as('key'))
      .where('protocol', '=', this.protocol)
      .where((where) => where.and(conditions.map((condition) => condition(where))));
    if (page.withPersonal) {
      // The key of each row by the case_keys primary key, in this statement rather than one more after it.
      query = query.select((select) => [
        'personal',
        select
          .selectFrom('case_keys')
          .select('case_keys.wrapped_key')
          .whereRef('case_keys.case_id', '=', 'cases.id')
          .as('wrapped_key'),
      ]);
    }
    const { after } = page;
    if (after) {
      // (key, id) past the position, written so that the key's bound is a condition of the index scan.
      const key = sql`${after.key}::timestamptz`;
      const past = order.descending ? sql`<` : sql`>`;
      const atOrPast = order.descending ? sql`<=` : sql`>=`;
      query = query.where(
        sql<boolean>`${order.key} ${atOrPast} ${key} and (${order.key} ${past} ${key} or id ${past} ${after.id})`,
      );
    }
    const direction = order.descending ? 'desc' : 'asc';
    return query
      .orderBy(order.key, direction)
      .orderBy('id', direction)
      .limit(page.limit + 1)
      .execute() as Promise<CaseListRow[]>;
  }

  /** Cases whose step was due by `now`, oldest due first, found by the index of due times. */
  async dueBy(now: Date, limit: number, conditions: readonly CaseCondition[] = []): Promise<CaseSummaryRow[]> {
    return this.transactions.executor
      .selectFrom('cases')
      .select(SUMMARY_COLUMNS)
      .where('due', '<=', now)
      .where('protocol', '=', this.protocol)
      .where((where) => where.and(conditions.map((condition) => condition(where))))
      .orderBy('due')
      .limit(limit)
      .execute();
  }

  /**
   * Every case that meets `conditions` (and `visible`: the caller's agency), in id order, a page at a time after
   * `afterId`, with its personal content: for the export.
   */
  async page(
    afterId: string | undefined,
    size: number,
    conditions: readonly CaseCondition[] = [],
    visible?: Expression<SqlBool>,
  ): Promise<Selectable<CasesTable>[]> {
    let query = this.transactions.executor
      .selectFrom('cases')
      .selectAll()
      .where('protocol', '=', this.protocol)
      .where((where) => where.and(conditions.map((condition) => condition(where))))
      .orderBy('id')
      .limit(size);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    if (visible) query = query.where(visible);
    return query.execute();
  }

  async markAnnounced(id: string, due: Date): Promise<void> {
    await this.transactions.executor.updateTable('cases').set({ announced_due: due }).where('id', '=', id).execute();
  }

  /**
   * Notes the delivery receipt of one of the case's messages. Inside a transaction the marks of all its receipts
   * are written together, in one statement, just before it commits.
   */
  async markDelivered(caseId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    const known = this.known<{ outbox: OutboxEntry[] }>(caseId);
    if (known) {
      const outbox = known.outbox.map((entry) =>
        entry.envelopeId === envelopeId && !entry.deliveredAt ? { ...entry, deliveredAt } : entry,
      );
      this.remember(caseId, { ...known, outbox });
    }
    const mark: DeliveryMark = { caseId, envelopeId, deliveredAt };
    if (this.transactions.queue('outbox-delivered', mark, (marks) => this.writeDeliveries(marks))) return;
    await this.writeDeliveries([mark]);
  }

  /** Records that the other end confirmed its erasure. */
  async recordErasureConfirmation(caseId: string, country: string, at: string): Promise<void> {
    this.transactions.forget(caseKey(caseId));
    this.transactions.forget(lockedRowKey(caseId));
    await this.transactions.executor
      .updateTable('cases')
      .set({
        erasure: sql`jsonb_set(erasure, '{confirmedBy}', coalesce(erasure->'confirmedBy', '[]'::jsonb) || ${JSON.stringify([{ country, at }])}::jsonb)`,
      })
      .where('id', '=', caseId)
      .where('erasure', 'is not', null)
      .execute();
  }

  /** True when the open transaction locked the case's row for a batch (`lockAll`) and found it. */
  private lockedForBatch(id: string): boolean {
    return this.transactions.inTransaction && Boolean(this.transactions.remembered<CaseRow | null>(lockedRowKey(id)));
  }

  /**
   * The changes gathered in a transaction, in one statement: one row per case (a case changed twice takes the last
   * state and both timelines, its version counted up once per change), each written only if still at the version
   * its first change was decided on; throws, so that the transaction rolls back, when one was not.
   */
  private static async writeGathered(
    transactions: NodeTransactions,
    changes: readonly CaseTableChange[],
  ): Promise<void> {
    const byCase = new Map<
      string,
      { first: CaseTableChange; last: CaseTableChange; timeline: TimelineEntry[]; count: number }
    >();
    for (const change of changes) {
      const seen = byCase.get(change.id);
      if (seen) {
        seen.last = change;
        seen.timeline.push(...change.timeline);
        seen.count++;
      } else byCase.set(change.id, { first: change, last: change, timeline: [...change.timeline], count: 1 });
    }
    const rows = [...byCase.values()];
    const result = await sql<{ id: string }>`
      update cases set state = given.state, status = given.status, timeline = cases.timeline || given.timeline,
                       due = given.due, pending_on = given.pending_on, updated_at = given.at,
                       version = cases.version + given.changes
        from unnest(${rows.map((row) => row.first.id)}::text[], ${rows.map((row) => row.first.expectedVersion)}::int[],
                    ${rows.map((row) => row.count)}::int[], ${rows.map((row) => JSON.stringify(row.last.state))}::jsonb[],
                    ${rows.map((row) => row.last.status)}::text[], ${rows.map((row) => JSON.stringify(row.timeline))}::jsonb[],
                    ${rows.map((row) => row.last.due?.toISOString() ?? null)}::timestamptz[],
                    ${rows.map((row) => row.last.pendingOn)}::text[], ${rows.map((row) => row.last.at.toISOString())}::timestamptz[])
             as given (id, expected_version, changes, state, status, timeline, due, pending_on, at)
       where cases.id = given.id and cases.version = given.expected_version
      returning cases.id`.execute(transactions.executor);
    if (result.rows.length === rows.length) return;
    const written = new Set(result.rows.map((row) => row.id));
    throw new ConcurrentCaseChangeError(rows.find((row) => !written.has(row.first.id))?.first.id ?? '');
  }

  /** The first receipt of each message counts: a message delivered twice keeps its first time. */
  private async writeDeliveries(marks: readonly DeliveryMark[]): Promise<void> {
    await sql`
      update outbox set delivered_at = mark.delivered_at
        from (select distinct on (envelope_id) *
                from unnest(${marks.map((m) => m.envelopeId)}::text[], ${marks.map((m) => m.caseId)}::text[],
                            ${marks.map((m) => m.deliveredAt.toISOString())}::timestamptz[])
                     as given (envelope_id, case_id, delivered_at)
               order by envelope_id, delivered_at) as mark
       where outbox.envelope_id = mark.envelope_id and outbox.case_id = mark.case_id and outbox.delivered_at is null`.execute(
      this.transactions.executor,
    );
  }

  private async addOutbox(trx: NodeTransactions['db'], outbox: readonly OutboxEntry[]): Promise<void> {
    if (outbox.length === 0) return;
    await trx
      .insertInto('outbox')
      .values(outbox.map((entry) => outboxRowOf(entry, this.protocol)))
      .execute();
    await sql`select pg_notify(${NodeChannels.outbox}, ''), ${this.transactions.lastWriteLocks()}`.execute(trx);
  }
}

/** The open transaction's list of gathered case changes (`CaseTable.change`). */
const GATHERED_CHANGES = 'case-changes';

function caseKey(id: string): string {
  return `case:${id}`;
}

/** The row of a case as the transaction locked it in a batch (null: no such case), before it is opened. */
function lockedRowKey(id: string): string {
  return `case-row:${id}`;
}

interface DeliveryMark {
  readonly caseId: string;
  readonly envelopeId: string;
  readonly deliveredAt: Date;
}

type CaseRowWithJsonOutbox = Selectable<CasesTable> & {
  outbox: {
    envelope_id: string;
    type: string;
    to_country: string;
    case_id: string;
    correlation_id: string;
    causation_id: string | null;
    created_at: Date | string;
    sent_at: Date | string | null;
    delivered_at: Date | string | null;
    undeliverable_reason: string | null;
    undeliverable_at: Date | string | null;
  }[];
};

/** The row with its outbox as entries: read through json, its times come back as strings. */
function caseRowOf(row: CaseRowWithJsonOutbox): CaseRow {
  return {
    ...row,
    outbox: row.outbox.map((entry) => ({
      envelopeId: entry.envelope_id,
      type: entry.type,
      to: entry.to_country,
      caseId: entry.case_id,
      correlationId: entry.correlation_id,
      ...(entry.causation_id ? { causationId: entry.causation_id } : {}),
      createdAt: new Date(entry.created_at),
      sentAt: dateOrNull(entry.sent_at),
      deliveredAt: dateOrNull(entry.delivered_at),
      undeliverable:
        entry.undeliverable_reason && entry.undeliverable_at
          ? { reason: entry.undeliverable_reason, at: new Date(entry.undeliverable_at) }
          : null,
    })),
  };
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
