import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import type { IntakeState } from '@enlace/protocols';
import type { IntakesTable } from '@enlace/store';
import { sql, type Selectable } from 'kysely';
import { ConcurrentCaseChangeError } from '../../cases/persistence/case-table';

/** The most intakes a list gives; cursor paging as the case lists have it is still to come for intakes. */
const INTAKE_LIST_LIMIT = 500;
import type { NodeTransactions } from '../../database/node-transactions';
import type { AgencyScope } from '../../agencies/agency-scope';
import { visibleToAgency } from '../../agencies/persistence/agency-visibility';
import type {
  IntakeChannel,
  IntakeIndicators,
  IntakePersonalContent,
  IntakeTimelineEntry,
  IntakeUrgency,
} from '../domain/intake-content';
import type { IntakeDocument } from './intake.document';

export interface IntakeListFilter {
  readonly status?: string;
}

/** A change of an intake decided on the document as read: the new state, the personal content, new timeline entries. */
export interface IntakeChange {
  readonly state: IntakeState;
  readonly personal: IntakePersonalContent;
  readonly timeline: readonly IntakeTimelineEntry[];
  readonly at: Date;
}

const SUMMARY_COLUMNS = [
  'id',
  'status',
  'channel',
  'urgency',
  'believed_country',
  'indicators',
  'state',
  'case_protocol',
  'case_id',
  'erased_at',
  'agency',
  'version',
  'created_at',
  'updated_at',
] as const;

type IntakeSummaryRow = Pick<Selectable<IntakesTable>, (typeof SUMMARY_COLUMNS)[number]>;

/**
 * The node's intakes in the `intakes` table. What may name someone rests sealed under a key of the intake, made and
 * kept in `case_keys` exactly as a case's (so erasure destroys it the same way); inside a transaction the key is
 * read in it, so a key made for an intake whose write rolls back goes with it. A change is written only over the
 * version it was decided on; a screening or a conversion reads the row locked (`lock`), so two of them on one intake
 * take turns and the second decides on what the first wrote.
 */
export class IntakeRepository {
  constructor(
    private readonly transactions: NodeTransactions,
    private readonly vault: PersonalDataVault,
    /** Whose agency a request reads for; without it (some tests), every intake is the caller's. */
    private readonly scope?: AgencyScope,
  ) {}

  async insert(document: IntakeDocument): Promise<void> {
    const db = this.transactions.executor;
    const key = await this.vault.keyOf(document.id, { fresh: true, db });
    const personal = await this.seal(key, document.id, restingContent(document.state, document.personal));
    await db
      .insertInto('intakes')
      .values({
        id: document.id,
        status: document.state.status,
        channel: document.channel,
        urgency: document.urgency,
        believed_country: document.believedCountry ?? null,
        indicators: document.indicators ? JSON.stringify(document.indicators) : null,
        state: JSON.stringify(restingState(document.state)),
        personal,
        timeline: JSON.stringify(document.timeline),
        case_protocol: document.state.conversion?.protocol ?? null,
        case_id: document.state.conversion?.caseId ?? null,
        agency: document.agency ?? this.scope?.ownerOfNew() ?? null,
        version: document.version,
        created_at: document.createdAt,
        updated_at: document.updatedAt,
      })
      .execute();
  }

  /** The intake with its personal content opened; `lock` (inside a transaction) holds its row until the end of it. */
  async findById(id: string, options: { lock?: boolean } = {}): Promise<IntakeDocument | null> {
    if (options.lock && !this.transactions.inTransaction) throw new Error('an intake is locked inside a transaction');
    let query = this.transactions.executor.selectFrom('intakes').selectAll().where('id', '=', id);
    const visible = this.visible();
    if (visible) query = query.where(visible);
    if (options.lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return null;
    const personal = row.personal === null ? {} : await this.open(row.id, row.personal);
    return documentOf(row, personal, row.timeline as IntakeTimelineEntry[]);
  }

  /**
   * The protocol of the case of that id, if the caller's agency may read it (locked inside a transaction, so that the
   * merge is decided on a case that stays): the case an intake about the same person joins.
   */
  async protocolOfCase(caseId: string): Promise<string | null> {
    let query = this.transactions.executor.selectFrom('cases').select('protocol').where('id', '=', caseId);
    const caller = this.scope?.caller();
    if (caller) query = query.where(visibleToAgency('cases', caller));
    if (this.transactions.inTransaction) query = query.forShare();
    return (await query.executeTakeFirst())?.protocol ?? null;
  }

  /** Summaries (no personal content, no timeline), the most recently changed first, at most INTAKE_LIST_LIMIT. */
  async list(filter: IntakeListFilter): Promise<IntakeDocument[]> {
    let query = this.transactions.executor
      .selectFrom('intakes')
      .select(SUMMARY_COLUMNS)
      .orderBy('updated_at', 'desc')
      .limit(INTAKE_LIST_LIMIT);
    if (filter.status) query = query.where('status', '=', filter.status);
    const visible = this.visible();
    if (visible) query = query.where(visible);
    return (await query.execute()).map((row) => documentOf(row, {}, []));
  }

  /**
   * Every intake created in the period (either end open), in id order, a page at a time after `afterId`, with its
   * personal content opened: for the node's export.
   */
  async page(
    afterId: string | undefined,
    size: number,
    period: { createdFrom?: Date; createdTo?: Date } = {},
  ): Promise<IntakeDocument[]> {
    let query = this.transactions.executor.selectFrom('intakes').selectAll().orderBy('id').limit(size);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    if (period.createdFrom) query = query.where('created_at', '>=', period.createdFrom);
    if (period.createdTo) query = query.where('created_at', '<', period.createdTo);
    const rows = await query.execute();
    return Promise.all(
      rows.map(async (row) =>
        documentOf(row, row.personal === null ? {} : await this.open(row.id, row.personal), []),
      ),
    );
  }

  /**
   * Writes the change over the version `document` was read at; the personal content is sealed again with its key.
   * A change that erases the intake writes no personal content, and once it commits the intake's key is destroyed.
   */
  async change(document: IntakeDocument, change: IntakeChange): Promise<IntakeDocument> {
    const db = this.transactions.executor;
    const { state } = change;
    const erasing = state.erasedAt !== undefined && !document.state.erasedAt;
    const personal = erasing
      ? null
      : await this.seal(
          await this.vault.keyOf(document.id, { db }),
          document.id,
          restingContent(change.state, change.personal),
        );
    const updated = await db
      .updateTable('intakes')
      .set({
        status: state.status,
        state: JSON.stringify(restingState(state)),
        personal,
        timeline: sql`timeline || ${JSON.stringify(change.timeline)}::jsonb`,
        case_protocol: state.conversion?.protocol ?? null,
        case_id: state.conversion?.caseId ?? null,
        ...(erasing ? { erased_at: change.at } : {}),
        version: document.version + 1,
        updated_at: change.at,
      })
      .where('id', '=', document.id)
      .where('version', '=', document.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new ConcurrentCaseChangeError(document.id);
    if (erasing) await this.transactions.afterCommit(() => this.vault.erase(document.id, change.at));
    return {
      ...document,
      state,
      personal: erasing ? {} : change.personal,
      ...(erasing ? { erasedAt: change.at } : {}),
      timeline: [...document.timeline, ...change.timeline],
      version: document.version + 1,
      updatedAt: change.at,
    };
  }

  /** The condition that keeps a request to its agency's intakes; none for the node's own work. */
  private visible() {
    const caller = this.scope?.caller();
    return caller ? visibleToAgency('intakes', caller) : undefined;
  }

  private async seal(key: Uint8Array | undefined, id: string, content: IntakePersonalContent): Promise<string | null> {
    if (Object.values(content).every((value) => value === undefined)) return null;
    const [sealed] = await this.vault.sealWith(key, id, [{ purpose: SealedUse.personal, value: content }]);
    if (sealed === undefined) throw new Error(`intake ${id} was erased: its personal data cannot be written`);
    return sealed;
  }

  private async open(id: string, sealed: string): Promise<IntakePersonalContent> {
    const key = (await this.vault.keysOf([id], this.transactions.executor)).get(id);
    return (await this.vault.openWith<IntakePersonalContent>(key, id, SealedUse.personal, sealed)) ?? {};
  }
}

/** The state as it rests: the screening's reason (free text that may name someone) goes into the sealed content. */
function restingState(state: IntakeState): IntakeState {
  if (!state.screening?.reason) return state;
  const { reason: _reason, ...screening } = state.screening;
  return { ...state, screening };
}

function restingContent(state: IntakeState, personal: IntakePersonalContent): IntakePersonalContent {
  const { screeningReason: _previous, ...rest } = personal;
  const reason = state.screening?.reason;
  return { ...rest, ...(reason ? { screeningReason: reason } : {}) };
}

function documentOf(
  row: IntakeSummaryRow,
  personal: IntakePersonalContent,
  timeline: IntakeTimelineEntry[],
): IntakeDocument {
  const resting = row.state as unknown as IntakeState;
  const { screeningReason, ...content } = personal;
  const state: IntakeState =
    resting.screening && screeningReason
      ? { ...resting, screening: { ...resting.screening, reason: screeningReason } }
      : resting;
  return {
    id: row.id,
    state,
    channel: row.channel as IntakeChannel,
    urgency: row.urgency as IntakeUrgency,
    ...(row.believed_country ? { believedCountry: row.believed_country } : {}),
    ...(row.indicators ? { indicators: row.indicators as IntakeIndicators } : {}),
    personal: content,
    timeline,
    ...(row.erased_at ? { erasedAt: row.erased_at } : {}),
    ...(row.agency ? { agency: row.agency } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
