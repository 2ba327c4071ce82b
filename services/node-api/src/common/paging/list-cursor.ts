import { createHash } from 'node:crypto';

/** The cursors' form; a new one gets a new number, and an old cursor is then refused (the client starts again). */
const VERSION = 2;

interface CursorContent {
  v: number;
  /** The sort and the digest of the filters the cursor was made for. */
  s: string;
  f: string;
  /** The last listed item's place, as its list defines it. */
  p: unknown;
}

/**
 * A short digest of a list's filters (and sort), which its cursors carry: a cursor given back with other filters or
 * another sort would start the page at a place of another list, so it is refused instead. A list leaves out of
 * `values` what must not travel in a URL, even digested (a person's name).
 */
export function listFilterDigest(values: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 12);
}

/**
 * The opaque cursor of the page after `position` (base64url of a small JSON): clients pass it back as given. It names
 * a place in the list, not an offset, so a page costs the same however deep it is, and an item added or changed in
 * between neither shifts the pages nor is listed twice in one order. Every paged list of the node uses this codec.
 */
export function encodeListCursor(sort: string, digest: string, position: unknown): string {
  const content: CursorContent = { v: VERSION, s: sort, f: digest, p: position };
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

/**
 * The position a cursor names, if it is one of ours for this sort and these filters and its position is one the list
 * accepts (`isPosition`, which also keeps anything that could reach a query out); undefined otherwise.
 */
export function decodeListCursor<P>(
  text: string,
  sort: string,
  digest: string,
  isPosition: (position: unknown) => position is P,
): P | undefined {
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (content === null || typeof content !== 'object') return undefined;
  const { v, s, f, p } = content as Partial<CursorContent>;
  if (v !== VERSION || s !== sort || f !== digest) return undefined;
  return isPosition(p) ? p : undefined;
}
