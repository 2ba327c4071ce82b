import type { ReferralState } from '@enlace/protocols';
import type { OutboxEntry } from '@enlace/store';
import type { NodeTransactions } from '../../database/node-transactions';
import { CaseCondition, CaseSummaryRow, CaseTable } from '../../cases/persistence/case-table';
import type { CaseErasure } from '../../cases/persistence/protocol-case.document';
import { SealedCaseContent, stateWithPurpose, stateWithoutPurpose } from '../../privacy/sealed-case-content';
import { AWAITING_ANSWER_STATUSES } from '../domain/referral-deadline';
import type {
  ConsentRecord,
  ReferralCaseDocument,
  ReferralDetails,
  ReferralDirection,
  ReferredPerson,
  TimelineEntry,
} from './referral-case.document';

/** Another writer changed the case in between; the caller reloads and decides again (the cases' own error). */
export { ConcurrentCaseChangeError as ConcurrentChangeError } from '../../cases/persistence/case-table';

export interface ReferralCaseChange {
  readonly state: ReferralState;
  readonly timeline: readonly TimelineEntry[];
  readonly outbox: readonly OutboxEntry[];
  /** Removes the person's data and every unsent message, and destroys the case's key: consent was withdrawn. */
  readonly erasure?: CaseErasure;
  readonly at: Date;
}

export interface ReferralListFilter {
  readonly direction?: ReferralDirection;
  readonly status?: string;
  /** Only referrals whose answer is overdue at `now` (true), or only the others (false). */
  readonly overdue?: boolean;
  readonly now?: Date;
}

export interface OverdueReferral {
  readonly id: string;
  readonly answerDue: Date;
}

/** The person, the consent record, the request's free text and the consent's purpose, sealed in `personal`. */
interface RestingContent {
  person?: ReferredPerson;
  consent?: ConsentRecord;
  reasonDetails?: string;
  statePurpose?: string;
}

const PROTOCOL = 'referral';

/**
 * Referral cases in the node's `cases` table (protocol `referral`; the request's reason, services and urgency in
 * `details`). Every change is one transaction guarded by the version it was decided on, carrying the new state,
 * the timeline and the outbox. The person's data, the request's free text and the outbox payloads rest sealed with
 * the case's key (SealedCaseContent); an erasure removes them and, once committed, destroys that key. The answer's
 * due time is the row's `due` while the referral waits on it, so that overdue referrals are found by index.
 */
export class ReferralCaseRepository {
  private readonly table: CaseTable;

  constructor(
    private readonly transactions: NodeTransactions,
    private readonly sealing: SealedCaseContent,
  ) {
    this.table = new CaseTable(transactions, PROTOCOL);
  }

  async insert(document: ReferralCaseDocument): Promise<'inserted' | 'exists'> {
    const { person, consent, outbox, state, details } = document;
    const { reasonDetails, ...plainDetails } = details;
    const resting = stateWithoutPurpose(state);
    const content: RestingContent = {
      ...(person ? { person } : {}),
      ...(consent ? { consent } : {}),
      ...(reasonDetails ? { reasonDetails } : {}),
      ...(resting.statePurpose !== undefined ? { statePurpose: resting.statePurpose } : {}),
    };
    const sealed = await this.sealing.sealContentAndOutbox(document._id, content, outbox);
    return this.table.insert(
      {
        id: document._id,
        direction: document.direction,
        status: state.status,
        state: JSON.stringify(resting.state),
        details: JSON.stringify(plainDetails),
        personal: sealed.personal ?? null,
        timeline: JSON.stringify(document.timeline),
        due: answerDueOf(state),
        version: document.version,
        created_at: document.createdAt,
        updated_at: document.updatedAt,
      },
      sealed.outbox,
    );
  }

  /** The referral, opened; inside a transaction its row stays locked, and a second read takes what the first gave. */
  async findById(id: string): Promise<ReferralCaseDocument | null> {
    const known = this.table.known<ReferralCaseDocument>(id);
    if (known) return known;
    const row = await this.table.find(id);
    if (!row) return null;
    const opened = await this.opened(row, row.personal, row.timeline as TimelineEntry[], row.outbox);
    this.table.remember(id, opened);
    return opened;
  }

  /** The referral as a writer just wrote it: a later read in the same transaction takes it instead of reading it back. */
  remember(document: ReferralCaseDocument): void {
    this.table.remember(document._id, document);
  }

  /** Every referral in id order, a page at a time after `afterId`, with the person: for the node's export. */
  async page(afterId: string | undefined, size: number): Promise<ReferralCaseDocument[]> {
    const rows = await this.table.page(afterId, size);
    return Promise.all(rows.map((row) => this.opened(row, row.personal, [], [])));
  }

  /** Summaries (no person, timeline or outbox), newest change first. */
  async list(filter: ReferralListFilter): Promise<ReferralCaseDocument[]> {
    const conditions: CaseCondition[] = [];
    const { direction, status } = filter;
    const now = filter.now ?? new Date();
    if (direction) conditions.push((where) => where('direction', '=', direction));
    if (status) conditions.push((where) => where('status', '=', status));
    if (filter.overdue === true) conditions.push((where) => where('due', '<=', now));
    if (filter.overdue === false) {
      conditions.push((where) => where.or([where('due', 'is', null), where('due', '>', now)]));
    }
    return (await this.table.list(conditions)).map((row) => documentOf(row, [], []));
  }

  /**
   * This node's outgoing referrals whose answer was due by `now` and that still wait on it: the ones the sender
   * lets expire. Ids and due times only, oldest due first; the caller decides on each case as it reads it then.
   */
  async findOverdueOutgoing(now: Date, limit: number): Promise<OverdueReferral[]> {
    const rows = await this.table.dueBy(now, limit, [(where) => where('direction', '=', 'outgoing')]);
    return rows.flatMap((row) => (row.due ? [{ id: row.id, answerDue: row.due }] : []));
  }

  /**
   * This node's outgoing referrals whose answer is overdue at `now` and not yet announced to the network: the
   * other country is late. Oldest due first.
   */
  async findUnannouncedOverdueOutgoing(
    now: Date,
    limit: number,
  ): Promise<(OverdueReferral & { status: string; counterpart: string })[]> {
    const rows = await this.table.dueBy(now, limit, [
      (where) => where('direction', '=', 'outgoing'),
      (where) => where.or([where('announced_due', 'is', null), where('announced_due', '<>', where.ref('due'))]),
    ]);
    return rows.flatMap((row) =>
      row.due
        ? [
            {
              id: row.id,
              answerDue: row.due,
              status: row.status,
              counterpart: (row.state as unknown as ReferralState).toCountry,
            },
          ]
        : [],
    );
  }

  markAnnounced(id: string, due: Date): Promise<void> {
    return this.table.markAnnounced(id, due);
  }

  /** Notes the delivery receipt of one of the referral's messages. */
  markOutboxDelivered(referralId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    return this.table.markDelivered(referralId, envelopeId, deliveredAt);
  }

  async applyChange(document: ReferralCaseDocument, change: ReferralCaseChange): Promise<void> {
    // An erasing change's own messages (the withdrawal, the confirmation) carry ids and times only: they rest in
    // clear, since the case's key is destroyed right after; every other message rests sealed.
    const outbox = change.erasure ? [...change.outbox] : await this.sealing.sealOutbox(document._id, change.outbox);
    const { reasonDetails: _erased, ...plainDetails } = document.details;
    await this.table.change({
      id: document._id,
      expectedVersion: document.version,
      state: stateWithoutPurpose(change.state).state as unknown as Record<string, unknown>,
      status: change.state.status,
      timeline: change.timeline,
      due: answerDueOf(change.state),
      pendingOn: null,
      ...(change.erasure ? { erasure: change.erasure, details: plainDetails } : {}),
      outbox,
      at: change.at,
    });
    const { erasure } = change;
    if (erasure)
      await this.transactions.afterCommit(() => this.sealing.erase(document._id, new Date(erasure.erasedAt)));
  }

  /** Records that the other end confirmed its erasure. */
  recordErasureConfirmation(referralId: string, country: string, at: string): Promise<void> {
    return this.table.recordErasureConfirmation(referralId, country, at);
  }

  private async opened(
    row: CaseSummaryRow,
    personal: string | null,
    timeline: TimelineEntry[],
    outbox: OutboxEntry[],
  ): Promise<ReferralCaseDocument> {
    const document = documentOf(row, timeline, outbox);
    const content: RestingContent = await this.sealing.open(row.id, personal ?? undefined);
    return {
      ...document,
      state: stateWithPurpose(document.state, content.statePurpose),
      details: { ...document.details, ...(content.reasonDetails ? { reasonDetails: content.reasonDetails } : {}) },
      ...(content.person ? { person: content.person } : {}),
      ...(content.consent ? { consent: content.consent } : {}),
    };
  }
}

/** The answer's due time while the referral waits on it; none once answered, withdrawn or closed. */
function answerDueOf(state: ReferralState): Date | null {
  return state.answerDueAt && AWAITING_ANSWER_STATUSES.includes(state.status) ? new Date(state.answerDueAt) : null;
}

function documentOf(row: CaseSummaryRow, timeline: TimelineEntry[], outbox: OutboxEntry[]): ReferralCaseDocument {
  return {
    _id: row.id,
    direction: row.direction as ReferralDirection,
    state: row.state as unknown as ReferralState,
    details: (row.details ?? {}) as unknown as ReferralDetails,
    timeline,
    outbox,
    ...(row.announced_due ? { announcedDue: row.announced_due } : {}),
    ...(row.erasure ? { erasure: row.erasure as unknown as CaseErasure } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
