import { NodeChannels, notify, outboxRowOf, type CasesTable, type NodeDatabase, type OutboxEntry } from '@enlace/store';
import { sql, type ExpressionBuilder, type Expression, type Insertable, type Selectable, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { NodeTransactions } from '../../database/node-transactions';
import type { TimelineEntry } from '../domain/case-content';
import type { CaseErasure } from './protocol-case.document';

/** A case row as stored, with its outbox (headers only: no payload leaves this table for a view). */
export type CaseRow = Selectable<CasesTable> & { outbox: OutboxEntry[] };
/** A case row without its personal content, timeline and outbox: what lists show. */
export type CaseSummaryRow = Omit<Selectable<CasesTable>, 'personal' | 'timeline'>;

/** One change of a case, decided on `expectedVersion`, with the messages it sends. */
export interface CaseTableChange {
  readonly id: string;
  readonly expectedVersion: number;
  readonly state: Record<string, unknown>;
  readonly status: string;
  readonly timeline: readonly TimelineEntry[];
  readonly due: Date | null;
  readonly pendingOn: string | null;
  /** Replaces what the protocol keeps beside its state, when given. */
  readonly details?: Record<string, unknown> | null;
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
  'version',
  'created_at',
  'updated_at',
] as const;

/** The most cases a list gives (paging is for later). */
export const CASE_LIST_LIMIT = 500;

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

  /** Adds a new case with its first messages; 'exists' (and nothing written) when the id is taken. */
  async insert(
    row: Omit<Insertable<CasesTable>, 'protocol'>,
    outbox: readonly OutboxEntry[],
  ): Promise<'inserted' | 'exists'> {
    return this.transactions.run(async (trx) => {
      const inserted = await trx
        .insertInto('cases')
        .values({ ...row, protocol: this.protocol })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return 'exists';
      await this.addOutbox(trx, outbox);
      return 'inserted';
    });
  }

  /**
   * The case with its outbox, in one statement; inside a transaction its row stays locked until the transaction
   * ends, so that a change decided on it cannot be overtaken.
   */
  async find(id: string): Promise<CaseRow | null> {
    let query = this.transactions.executor
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
      .where('cases.id', '=', id)
      .where('cases.protocol', '=', this.protocol);
    if (this.transactions.inTransaction) query = query.forUpdate('cases');
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return {
      ...row,
      // Read through json: its times come back as strings.
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

  /** Writes one change in one transaction (the caller's, when it is in one); throws when the case moved on. */
  async change(change: CaseTableChange): Promise<void> {
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
          ...(change.details !== undefined
            ? { details: change.details === null ? null : JSON.stringify(change.details) }
            : {}),
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
      }
      await this.addOutbox(trx, change.outbox);
    });
  }

  /** Cases of this protocol, newest change first, without personal content, timeline or outbox. */
  async list(conditions: readonly CaseCondition[]): Promise<CaseSummaryRow[]> {
    return this.transactions.executor
      .selectFrom('cases')
      .select(SUMMARY_COLUMNS)
      .where('protocol', '=', this.protocol)
      .where((where) => where.and(conditions.map((condition) => condition(where))))
      .orderBy('updated_at', 'desc')
      .limit(CASE_LIST_LIMIT)
      .execute();
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

  /** Every case in id order, a page at a time after `afterId`, with its personal content: for the export. */
  async page(afterId: string | undefined, size: number): Promise<Selectable<CasesTable>[]> {
    let query = this.transactions.executor
      .selectFrom('cases')
      .selectAll()
      .where('protocol', '=', this.protocol)
      .orderBy('id')
      .limit(size);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.execute();
  }

  async markAnnounced(id: string, due: Date): Promise<void> {
    await this.transactions.executor.updateTable('cases').set({ announced_due: due }).where('id', '=', id).execute();
  }

  /** Notes the delivery receipt of one of the case's messages. */
  async markDelivered(caseId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    const known = this.known<{ outbox: OutboxEntry[] }>(caseId);
    if (known) {
      const outbox = known.outbox.map((entry) =>
        entry.envelopeId === envelopeId && !entry.deliveredAt ? { ...entry, deliveredAt } : entry,
      );
      this.remember(caseId, { ...known, outbox });
    }
    await this.transactions.executor
      .updateTable('outbox')
      .set({ delivered_at: deliveredAt })
      .where('envelope_id', '=', envelopeId)
      .where('case_id', '=', caseId)
      .where('delivered_at', 'is', null)
      .execute();
  }

  /** Records that the other end confirmed its erasure. */
  async recordErasureConfirmation(caseId: string, country: string, at: string): Promise<void> {
    this.transactions.forget(caseKey(caseId));
    await this.transactions.executor
      .updateTable('cases')
      .set({
        erasure: sql`jsonb_set(erasure, '{confirmedBy}', coalesce(erasure->'confirmedBy', '[]'::jsonb) || ${JSON.stringify([{ country, at }])}::jsonb)`,
      })
      .where('id', '=', caseId)
      .where('erasure', 'is not', null)
      .execute();
  }

  private async addOutbox(trx: NodeTransactions['db'], outbox: readonly OutboxEntry[]): Promise<void> {
    if (outbox.length === 0) return;
    await trx
      .insertInto('outbox')
      .values(outbox.map((entry) => outboxRowOf(entry, this.protocol)))
      .execute();
    await notify(trx, NodeChannels.outbox);
  }
}

function caseKey(id: string): string {
  return `case:${id}`;
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
