/**
 * Small-cell suppression with complementary suppression, for one breakdown of a group whose total is published.
 *
 * What a reader of the report knows of a breakdown: its published total, its published cells, that a cell marked
 * small lies in 1..k-1 (only categories with at least one case are listed), that a withheld cell lies between k and
 * the smallest cell still published (withheld cells are taken smallest first). The rule keeps, for every small
 * cell, the whole range 1..k-1 open under that knowledge: the report tells nothing about it beyond "below k".
 *
 * With p small cells, c withheld cells, S their sum (the total minus the published cells), U the smallest published
 * cell (unbounded when none is left), a small cell can be any value of 1..k-1 exactly when
 *   S - (others' least) >= k-1, the others' least being (p-1)·1 + c·k, and
 *   S - (others' most) <= 1,    the others' most being (p-1)·(k-1) + c·U.
 * A single small cell never meets it (the total gives it away). Withholding the next smallest published cell only
 * widens both margins, so cells are withheld smallest first until the rule holds; when even all of them do not
 * suffice, the whole breakdown is withheld.
 */

/** A category's count before suppression. */
export interface RawCell {
  readonly category: string;
  readonly count: number;
}

/** A count as published: the number itself, "below k", or withheld so that a total does not give a small one away. */
export type PublishedCount = number | SmallCount | typeof WITHHELD;
export type SmallCount = `<${number}`;
export const WITHHELD = 'withheld';

export interface PublishedCell {
  readonly category: string;
  readonly count: PublishedCount;
}

/** A breakdown as published: its cells, or nothing at all when no set of withheld cells protects the small ones. */
export type PublishedBreakdown = { readonly cells: readonly PublishedCell[] } | { readonly withheld: true };

export const DEFAULT_SMALL_CELL_THRESHOLD = 11;

export function smallCount(threshold: number): SmallCount {
  return `<${threshold}`;
}

export function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(`the small-cell threshold must be an integer of at least 2, not ${threshold}`);
  }
}

/** The breakdown of a group whose total (the sum of the cells, at least k) is published. */
export function suppressBreakdown(cells: readonly RawCell[], threshold: number): PublishedBreakdown {
  assertThreshold(threshold);
  const k = threshold;
  const listed = cells.filter((cell) => cell.count > 0);
  const small = listed.filter((cell) => cell.count < k);
  const large = listed.filter((cell) => cell.count >= k).sort((a, b) => a.count - b.count);
  if (small.length === 0) return { cells: sorted(listed) };

  const p = small.length;
  let sum = small.reduce((total, cell) => total + cell.count, 0);
  let withheld = 0;
  for (;;) {
    const smallestPublished = large[withheld]?.count ?? Infinity;
    const othersLeast = p - 1 + withheld * k;
    const othersMost = (p - 1) * (k - 1) + (withheld === 0 ? 0 : withheld * smallestPublished);
    if (sum - othersLeast >= k - 1 && sum - othersMost <= 1) break;
    const next = large[withheld];
    if (!next) return { withheld: true };
    sum += next.count;
    withheld += 1;
  }
  const withheldCategories = new Set(large.slice(0, withheld).map((cell) => cell.category));
  return {
    cells: sorted(
      listed.map((cell) => ({
        category: cell.category,
        count: cell.count < k ? smallCount(k) : withheldCategories.has(cell.category) ? WITHHELD : cell.count,
      })),
    ),
  };
}

/** Categories in a fixed order, so that the order of the cells tells nothing of their sizes. */
function sorted<C extends { category: string }>(cells: readonly C[]): C[] {
  return [...cells].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}
