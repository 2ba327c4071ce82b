import type { CaseDirection, CaseListQuery, Urgency } from '../api/node-api.types';

/** The lists of the work page: which protocol, which direction. */
export type WorkProtocol = 'referral' | 'return' | 'reintegration';

/** What the focal point narrows the work lists down to; one set for every list of the page. */
export interface WorkFilters {
  /** Cases in progress, or those that ended (closed, declined, withdrawn, …): never mixed in one list. */
  stage: 'open' | 'ended';
  /** A case id (its first 8 characters or more) or words of the person's name. */
  search: string;
  /** The other country, or '' for all. */
  counterpart: string;
  /** The agency of the node that owns the case, or '' for every agency whose cases the user may read. */
  agency: string;
  /** A referral's urgency, or '' for all. */
  urgency: '' | Urgency;
  /** Only the cases whose pending step is overdue. */
  overdueOnly: boolean;
}

export const NO_FILTERS: WorkFilters = {
  stage: 'open',
  search: '',
  counterpart: '',
  agency: '',
  urgency: '',
  overdueOnly: false,
};

/** Cases a page of the work lists holds. */
export const WORK_PAGE_SIZE = 25;

/**
 * The query of one page of one list: open cases with the nearest due step first (overdue ones are the earliest
 * due), ended ones most recently changed first; every filter the node applies itself, so that paging stays right.
 */
export function workListQuery(
  protocol: WorkProtocol,
  direction: CaseDirection,
  filters: WorkFilters,
  cursor?: string,
): CaseListQuery {
  const query: CaseListQuery = {
    direction,
    stage: filters.stage,
    sort: filters.stage === 'open' ? 'due' : 'updated',
    limit: WORK_PAGE_SIZE,
  };
  const search = filters.search.trim();
  if (search.length >= 2) query.q = search;
  if (filters.counterpart) query.counterpart = filters.counterpart;
  if (filters.agency) query.agency = filters.agency;
  if (protocol === 'referral' && filters.urgency) query.urgency = filters.urgency;
  if (filters.overdueOnly && filters.stage === 'open') query.overdue = true;
  if (cursor) query.cursor = cursor;
  return query;
}
