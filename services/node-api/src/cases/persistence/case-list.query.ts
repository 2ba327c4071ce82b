import type { CaseDirection } from './protocol-case.document';

/** The orders a case list comes in: most recently changed, most recently created, or nearest due step first. */
export type CaseListSort = 'updated' | 'created' | 'due';
export const CASE_LIST_SORTS: readonly CaseListSort[] = ['updated', 'created', 'due'];

/** How many cases a page holds unless asked otherwise, and at most (the API document says the same). */
export const CASE_LIST_DEFAULT_LIMIT = 50;
export const CASE_LIST_MAX_LIMIT = 200;

/** Which cases a list holds; every filter given must match. */
export interface CaseListFilter {
  readonly direction?: CaseDirection;
  readonly status?: string;
  /** open: still in progress; ended: in a terminal status. */
  readonly stage?: 'open' | 'ended';
  /** The other country of the exchange. */
  readonly counterpart?: string;
  /** The agency of the node that owns the case (among those the caller may read). */
  readonly agency?: string;
  /** A referral's urgency. */
  readonly urgency?: string;
  /** Only cases whose pending step was due by `now` (true), or only the others (false). */
  readonly overdue?: boolean;
  /** Only cases whose pending step is due before this instant. */
  readonly dueBefore?: Date;
  /** Only cases created at this node from this instant on, and before `createdTo`. */
  readonly createdFrom?: Date;
  readonly createdTo?: Date;
  /** A case id (whole, or its first 8 characters or more) or words of the person's name. */
  readonly search?: string;
}

/** The place in a list after which the next page starts: the last listed case's sort key and id. */
export interface CaseListPosition {
  /** The sort key as PostgreSQL wrote it (an instant to the microsecond, or `infinity` for no due step). */
  readonly key: string;
  readonly id: string;
}

/** One page of a list: the filter, the order, how many at most, and where it starts (after the previous page). */
export interface CaseListQuery extends CaseListFilter {
  readonly sort: CaseListSort;
  readonly limit: number;
  readonly after?: CaseListPosition;
  /** The instant `overdue` is judged at. */
  readonly now: Date;
}
