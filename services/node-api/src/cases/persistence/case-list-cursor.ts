import { createHash } from 'node:crypto';
import type { CaseListFilter, CaseListPosition, CaseListSort } from './case-list.query';

/** The cursor's form; a new one gets a new number, and an old cursor is then refused (the client starts again). */
const VERSION = 1;
/** An instant as the list's key carries it (to the microsecond, UTC), or the key of a case with no due step. */
const KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|infinity)$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

interface CursorContent {
  v: number;
  /** The sort and the digest of the filters the cursor was made for. */
  s: CaseListSort;
  f: string;
  /** The last listed case: its sort key and id. */
  k: string;
  i: string;
}

/**
 * A short digest of a list's filters and sort, which a cursor carries: a cursor given back with other filters or
 * another sort would start the page at a place of another list, so it is refused instead. The search text is left
 * out, so that no digest of a person's name travels in a URL; a cursor reused with another search only pages on.
 */
export function caseListDigest(filter: CaseListFilter, sort: CaseListSort): string {
  const canonical = JSON.stringify([
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
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

/**
 * The opaque cursor of the page after `position` (base64url of a small JSON): clients pass it back as given. It
 * names a place in the list, not an offset, so a page costs the same however deep it is, and a case added or
 * changed in between neither shifts the pages nor is listed twice in one order.
 */
export function encodeCaseListCursor(sort: CaseListSort, digest: string, position: CaseListPosition): string {
  const content: CursorContent = { v: VERSION, s: sort, f: digest, k: position.key, i: position.id };
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

/** The position a cursor names, if it is one of ours for this sort and these filters; undefined otherwise. */
export function decodeCaseListCursor(text: string, sort: CaseListSort, digest: string): CaseListPosition | undefined {
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    return undefined;
  }
  if (content === null || typeof content !== 'object') return undefined;
  const { v, s, f, k, i } = content;
  if (v !== VERSION || s !== sort || f !== digest) return undefined;
  if (typeof k !== 'string' || !KEY.test(k) || typeof i !== 'string' || !ID.test(i)) return undefined;
  if (k !== 'infinity' && Number.isNaN(Date.parse(k))) return undefined;
  return { key: k, id: i };
}
