import type { OutboxEntry } from '@enlace/store';
import type { NodeTransactions } from '../../database/node-transactions';
import { SealedCaseContent, stateWithPurpose, stateWithoutPurpose } from '../../privacy/sealed-case-content';
import type { ConsentRecord, ReferredPerson, TimelineEntry } from '../domain/case-content';
import type { CaseLinks, CaseStateBase, ProtocolName } from '../domain/case-protocol';
import type { CaseSearchTerms } from '../../privacy/case-search-terms';
import type { AgencyScope } from '../../agencies/agency-scope';
import { ownedByAgency, visibleToAgency } from '../../agencies/persistence/agency-visibility';
import { initialsOf } from '../dto/person-initials';
import { caseListDigest, encodeCaseListCursor } from './case-list-cursor';
import type { CaseListQuery } from './case-list.query';
import { CaseCondition, CaseSummaryRow, CaseTable } from './case-table';
import type { CaseDirection, CaseErasure, ProtocolCaseDocument } from './protocol-case.document';

export { ConcurrentCaseChangeError } from './case-table';

export interface ProtocolCaseChange<S> {
  readonly state: S;
  readonly timeline: readonly TimelineEntry[];
  readonly outbox: readonly OutboxEntry[];
  readonly due?: Date;
  readonly pendingOn?: string;
  /** Removes the person's data and every unsent message: consent was withdrawn. */
  readonly erasure?: CaseErasure;
  readonly at: Date;
}

/** A listed case: its summary document, and the person's initials when asked for and still held. */
export interface ListedCase<S, D> {
  readonly document: ProtocolCaseDocument<S, D>;
  readonly initials?: string;
}

/** One page of a list, and the cursor of the next one when more cases follow. */
export interface ProtocolCaseListPage<S, D> {
  readonly items: ListedCase<S, D>[];
  readonly nextCursor?: string;
}

/** A case whose step, waiting on the other end, is overdue and not yet announced. */
export interface UnannouncedOverdueCase {
  readonly id: string;
  readonly due: Date;
  readonly status: string;
  /** The country the step waits on. */
  readonly counterpart: string;
}

/** The person, the consent record, the details that may name the person and the consent's purpose, sealed in `personal`. */
interface RestingContent {
  person?: ReferredPerson;
  consent?: ConsentRecord;
  sealedDetails?: Record<string, unknown>;
  statePurpose?: string;
}

/**
 * The cases of one protocol in the node's `cases` table. Every change is one transaction: the case row updated if
 * still at the version it was decided on, its messages added to the outbox. The person's data, the details that
 * may name the person (`sealedDetails`) and the outbox payloads rest sealed with the case's key
 * (SealedCaseContent); an erasure removes them and, once committed, destroys that key. The due time of the step
 * the case waits on is the row's `due`, so that overdue cases are found by index.
 */
export class ProtocolCaseRepository<S, D = unknown> {
  private readonly table: CaseTable;

  constructor(
    private readonly transactions: NodeTransactions,
    readonly protocol: ProtocolName,
    private readonly sealing: SealedCaseContent,
    private readonly sealedDetails: readonly string[] = [],
    /** The node's search index; without it (some tests), cases are found by their whole id only. */
    private readonly search?: CaseSearchTerms,
    /** Whose agency a request reads for; without it (some tests), every case is the caller's. */
    private readonly scope?: AgencyScope,
  ) {
    this.table = new CaseTable(transactions, protocol);
  }

  async insert(document: ProtocolCaseDocument<S, D>): Promise<'inserted' | 'exists'> {
    const { person, consent, outbox, state } = document;
    const resting = stateWithoutPurpose(state);
    const details = splitDetails(document.details, this.sealedDetails);
    const content: RestingContent = {
      ...(person ? { person } : {}),
      ...(consent ? { consent } : {}),
      ...(details.sealed ? { sealedDetails: details.sealed } : {}),
      ...(resting.statePurpose !== undefined ? { statePurpose: resting.statePurpose } : {}),
    };
    // A case this node opens has no key yet: one is made here and inserted with the case, in its statement; one it
    // receives has the key its courier made, read with the batch.
    const sealed = await this.sealing.sealContentAndOutbox(document._id, content, outbox, { fresh: true });
    const base = resting.state as CaseStateBase;
    const result = await this.table.insert(
      {
        id: document._id,
        direction: document.direction,
        status: base.status,
        state: JSON.stringify(resting.state),
        personal: sealed.personal ?? null,
        links: document.links ? JSON.stringify(document.links) : null,
        details: details.open ? JSON.stringify(details.open) : null,
        timeline: JSON.stringify(document.timeline),
        due: document.due ?? null,
        pending_on: document.pendingOn ?? null,
        agency: document.agency ?? this.scope?.ownerOfNew() ?? null,
        version: document.version,
        created_at: document.createdAt,
        updated_at: document.updatedAt,
      },
      sealed.outbox,
      this.search?.ofCase(document._id, person) ?? [],
      sealed.newKey,
    );
    if (result === 'exists' && sealed.newKey) this.sealing.forgetKey(document._id);
    return result;
  }

  /** The case, opened; inside a transaction its row stays locked, and a second read takes what the first gave. */
  async findById(id: string): Promise<ProtocolCaseDocument<S, D> | null> {
    const known = this.table.known<ProtocolCaseDocument<S, D>>(id);
    if (known) return known;
    const row = await this.table.find(id, this.visible());
    if (!row) return null;
    const opened = await this.opened(documentOf<S, D>(row, row.timeline as TimelineEntry[], row.outbox), row.personal);
    this.table.remember(id, opened);
    return opened;
  }

  /** The case as a writer just wrote it: a later read in the same transaction takes it instead of reading it back. */
  remember(document: ProtocolCaseDocument<S, D>): void {
    this.table.remember(document._id, document);
  }

  /**
   * Every case in id order, a page at a time after `afterId`, with the person: for the node's export, narrowed to a
   * direction and a period of creation when `filter` names them.
   */
  async page(
    afterId: string | undefined,
    size: number,
    filter: Pick<CaseListQuery, 'direction' | 'createdFrom' | 'createdTo'> = {},
  ): Promise<ProtocolCaseDocument<S, D>[]> {
    const conditions: CaseCondition[] = [];
    const { direction, createdFrom, createdTo } = filter;
    if (direction) conditions.push((where) => where('direction', '=', direction));
    if (createdFrom) conditions.push((where) => where('created_at', '>=', createdFrom));
    if (createdTo) conditions.push((where) => where('created_at', '<', createdTo));
    const rows = await this.table.page(afterId, size, conditions, this.visible());
    return Promise.all(rows.map((row) => this.opened(documentOf<S, D>(row, [], []), row.personal)));
  }

  /**
   * One page of summaries (no person, timeline or outbox) that match the query, in its order, with the cursor of the
   * next page when more follow. `initials`: the person's initials beside each case still holding them (opened with
   * the cases' keys, read with the page in its statement), for callers who may see them.
   */
  async list(query: CaseListQuery, options: { initials?: boolean } = {}): Promise<ProtocolCaseListPage<S, D>> {
    const conditions = this.conditionsOf(query);
    if (conditions === undefined) return { items: [] };
    const rows = await this.table.listPage(
      {
        sort: query.sort,
        limit: query.limit,
        ...(query.after ? { after: query.after } : {}),
        ...(options.initials ? { withPersonal: true } : {}),
      },
      conditions,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const opened = options.initials
      ? await this.sealing.openMany(
          page.flatMap((row) =>
            row.personal ? [{ caseId: row.id, sealed: row.personal, wrappedKey: row.wrapped_key ?? null }] : [],
          ),
        )
      : new Map<string, RestingContent>();
    const items = page.map((row) => {
      const initials = initialsOf((opened.get(row.id) as RestingContent | undefined)?.person);
      return { document: documentOf<S, D>(row, [], []), ...(initials ? { initials } : {}) };
    });
    return rows.length > query.limit && last
      ? { items, nextCursor: encodeCaseListCursor(query.sort, caseListDigest(query, query.sort), last) }
      : { items };
  }

  /** The query's filters as conditions on the table's columns; undefined when nothing can match (an empty search). */
  private conditionsOf(query: CaseListQuery): CaseCondition[] | undefined {
    const conditions: CaseCondition[] = [];
    const visible = this.visible();
    if (visible) conditions.push(() => visible);
    const { direction, status, stage, counterpart, urgency, dueBefore, createdFrom, createdTo, now } = query;
    const owned = this.ownedBy(query.agency);
    if (owned) conditions.push(() => owned);
    if (direction) conditions.push((where) => where('direction', '=', direction));
    if (status) conditions.push((where) => where('status', '=', status));
    if (stage) conditions.push((where) => where('ended', '=', stage === 'ended'));
    if (counterpart) conditions.push((where) => where('counterpart', '=', counterpart));
    if (urgency) conditions.push((where) => where('urgency', '=', urgency));
    if (query.overdue === true) conditions.push((where) => where('due', '<=', now));
    if (query.overdue === false) {
      conditions.push((where) => where.or([where('due', 'is', null), where('due', '>', now)]));
    }
    if (dueBefore) conditions.push((where) => where('due', '<', dueBefore));
    if (createdFrom) conditions.push((where) => where('created_at', '>=', createdFrom));
    if (createdTo) conditions.push((where) => where('created_at', '<', createdTo));
    if (query.search !== undefined) {
      const search = this.search?.ofSearch(query.search);
      if (search === undefined) return undefined;
      if (search.kind === 'id') conditions.push((where) => where('id', '=', search.id));
      else {
        const { terms } = search;
        // The cases that have every term: a term is one row per case (the table's key), so counting rows counts terms.
        conditions.push((where) =>
          where(
            'id',
            'in',
            where
              .selectFrom('case_search')
              .select('case_id')
              .where('term', '=', where.fn.any(where.val([...terms])))
              .groupBy('case_id')
              .having(where.fn.countAll(), '=', terms.length),
          ),
        );
        if (search.kind === 'id-prefix') conditions.push((where) => where('id', 'like', `${search.prefix}%`));
      }
    }
    return conditions;
  }

  /** The condition of a list's agency filter: the cases `agency` owns; none when no agency is asked for. */
  private ownedBy(agency: string | undefined) {
    if (agency === undefined) return undefined;
    return ownedByAgency('cases', agency, this.scope?.gatewayAgency);
  }

  /** The condition that keeps a request to its agency's cases; none for the node's own work. */
  private visible() {
    const caller = this.scope?.caller();
    return caller ? visibleToAgency('cases', caller) : undefined;
  }

  /**
   * Cases of `direction` whose step was due by `now` and still waits: ids and due times only, oldest due first; the
   * caller decides on each case as it reads it then (a sender letting its overdue requests expire).
   */
  async findDueBy(now: Date, limit: number, direction: CaseDirection): Promise<{ id: string; due: Date }[]> {
    const rows = await this.table.dueBy(now, limit, [(where) => where('direction', '=', direction)]);
    return rows.flatMap((row) => (row.due ? [{ id: row.id, due: row.due }] : []));
  }

  /** Cases whose step waits on the other end, was due by `now`, and is not announced as overdue yet. */
  async findUnannouncedOverdue(now: Date, limit: number): Promise<UnannouncedOverdueCase[]> {
    const rows = await this.table.dueBy(now, limit, [
      (where) => where.or([where('announced_due', 'is', null), where('announced_due', '<>', where.ref('due'))]),
      (where) => where('pending_on', 'is not', null),
    ]);
    return rows.flatMap((row) => {
      const state = row.state as unknown as CaseStateBase;
      if (!row.due || row.pending_on === state.side) return [];
      const counterpart = state.side === 'sender' ? state.toCountry : state.fromCountry;
      return [{ id: row.id, due: row.due, status: row.status, counterpart }];
    });
  }

  markAnnounced(id: string, due: Date): Promise<void> {
    return this.table.markAnnounced(id, due);
  }

  /** Notes the delivery receipt of one of the case's messages. */
  markOutboxDelivered(caseId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    return this.table.markDelivered(caseId, envelopeId, deliveredAt);
  }

  async applyChange(document: ProtocolCaseDocument<S, D>, change: ProtocolCaseChange<S>): Promise<void> {
    // An erasing change's own messages (the withdrawal, the confirmation) carry ids and times only: they rest in
    // clear, since the case's key is destroyed right after; every other message rests sealed.
    const outbox = change.erasure ? [...change.outbox] : await this.sealing.sealOutbox(document._id, change.outbox);
    const state = stateWithoutPurpose(change.state).state;
    await this.table.change({
      id: document._id,
      expectedVersion: document.version,
      state: state as Record<string, unknown>,
      status: (state as CaseStateBase).status,
      timeline: change.timeline,
      due: change.due ?? null,
      pendingOn: change.pendingOn ?? null,
      ...(change.erasure ? { erasure: change.erasure } : {}),
      outbox,
      at: change.at,
    });
    const { erasure } = change;
    if (erasure)
      await this.transactions.afterCommit(() => this.sealing.erase(document._id, new Date(erasure.erasedAt)));
  }

  /** Records that the other end confirmed its erasure. */
  recordErasureConfirmation(caseId: string, country: string, at: string): Promise<void> {
    return this.table.recordErasureConfirmation(caseId, country, at);
  }

  /** The document with its sealed content opened (or without it, once the case's key is gone). */
  private async opened(
    document: ProtocolCaseDocument<S, D>,
    personal: string | null,
  ): Promise<ProtocolCaseDocument<S, D>> {
    const content: RestingContent = await this.sealing.open(document._id, personal ?? undefined);
    const { sealedDetails } = content;
    return {
      ...document,
      state: stateWithPurpose(document.state, content.statePurpose),
      ...(sealedDetails ? { details: { ...document.details, ...sealedDetails } as D } : {}),
      ...(content.person ? { person: content.person } : {}),
      ...(content.consent ? { consent: content.consent } : {}),
    };
  }
}

/** The case's details as they rest: the fields that may name the person apart, to be sealed. */
export function splitDetails<D>(
  details: D | undefined,
  sealedFields: readonly string[],
): { open?: Record<string, unknown>; sealed?: Record<string, unknown> } {
  if (details === undefined || details === null) return {};
  const open: Record<string, unknown> = {};
  const sealed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(details as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (sealedFields.includes(field)) sealed[field] = value;
    else open[field] = value;
  }
  return { open, ...(Object.keys(sealed).length > 0 ? { sealed } : {}) };
}

function documentOf<S, D>(
  row: CaseSummaryRow,
  timeline: TimelineEntry[],
  outbox: OutboxEntry[],
): ProtocolCaseDocument<S, D> {
  return {
    _id: row.id,
    protocol: row.protocol as ProtocolName,
    direction: row.direction as CaseDirection,
    state: row.state as S,
    ...(row.links ? { links: row.links as CaseLinks } : {}),
    ...(row.details ? { details: row.details as D } : {}),
    timeline,
    outbox,
    ...(row.due ? { due: row.due } : {}),
    ...(row.pending_on ? { pendingOn: row.pending_on } : {}),
    ...(row.announced_due ? { announcedDue: row.announced_due } : {}),
    ...(row.erasure ? { erasure: row.erasure as unknown as CaseErasure } : {}),
    ...(row.agency ? { agency: row.agency } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
