import { encodeListCursor, listFilterDigest } from '../../common/paging/list-cursor';
import type { CaseListFilter, CaseListPosition, CaseListSort } from './case-list.query';

/** An instant as the list's key carries it (to the microsecond, UTC), or the key of a case with no due step. */
const KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|infinity)$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The digest of a case list's filters and sort its cursors carry (listFilterDigest). The search text is left out, so
 * that no digest of a person's name travels in a URL; a cursor reused with another search only pages on.
 */
export function caseListDigest(filter: CaseListFilter, sort: CaseListSort): string {
  return listFilterDigest([
    sort,
    filter.direction ?? null,
    filter.status ?? null,
    filter.stage ?? null,
    filter.counterpart ?? null,
    filter.urgency ?? null,
    filter.overdue ?? null,
    filter.dueBefore?.toISOString() ?? null,
    filter.createdFrom?.toISOString() ?? null,
    filter.createdTo?.toISOString() ?? null,
    filter.agency ?? null,
  ]);
}

/** A place in a case list: a sort key PostgreSQL could have written and a case id, nothing else. */
export function isCaseListPosition(position: unknown): position is CaseListPosition {
  if (position === null || typeof position !== 'object') return false;
  const { key, id } = position as Partial<Record<keyof CaseListPosition, unknown>>;
  if (typeof key !== 'string' || !KEY.test(key) || typeof id !== 'string' || !ID.test(id)) return false;
  return key === 'infinity' || !Number.isNaN(Date.parse(key));
}

/** The cursor of the page after `position` (the shared list cursor). */
export function encodeCaseListCursor(sort: CaseListSort, digest: string, position: CaseListPosition): string {
  return encodeListCursor(sort, digest, { key: position.key, id: position.id });
}
