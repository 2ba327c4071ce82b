import fc from 'fast-check';
import { STATISTICS_DIMENSIONS, type StatisticsCase } from './statistics-case';
import { WITHHELD, type PublishedCell } from './small-cell.suppression';
import { statisticsTables } from './statistics-report';

/*
 * The property, for random case sets and thresholds k in 2..11:
 *
 *   A reader holds the report and knows the rule: a breakdown's cells sum to its group's published total, a cell
 *   marked "<k" is in 1..k-1, a withheld cell is at least k and at most the smallest cell still published in its
 *   breakdown. For every "<k" cell, each value 1..k-1 is consistent with all of that: the report narrows a small
 *   cell no further than "<k". A group below k shows "<k" and no breakdown. Published numbers are the true counts.
 *
 * The reader's feasible values are found by brute force (which sums the other hidden cells can reach, value by value),
 * not by the interval reasoning the suppression itself uses, so the two are checked against each other.
 */

const monthArbitrary = fc.constant('2026-03');
// Few categories and corridors: many small cells, many groups near k.
const caseArbitrary: fc.Arbitrary<StatisticsCase> = fc.record({
  month: monthArbitrary,
  protocol: fc.constantFrom('referral', 'return'),
  fromCountry: fc.constant('CO'),
  toCountry: fc.constantFrom('EC', 'PE'),
  sex: fc.constantFrom('Feminine', 'Masculine', 'NonConforming'),
  ageBand: fc.constantFrom('0-11', '12-17', '18-24', '25-34', 'unknown'),
  nationality: fc.constantFrom('CO', 'EC', 'VE', 'PE', 'HT', 'CN'),
  exploitation: fc.constantFrom('sexual', 'labour', 'not-recorded'),
});
// Cases come in bunches of one profile, so that large and small cells sit side by side.
const casesArbitrary = fc
  .array(fc.tuple(caseArbitrary, fc.integer({ min: 1, max: 25 })), { maxLength: 12 })
  .map((bunches) => bunches.flatMap(([item, count]) => Array.from({ length: count }, () => item)));

/** The values a hidden cell can take given the others' bounds and their sum with it. */
function feasibleValues(own: [number, number], others: [number, number][], sum: number): Set<number> {
  // reachable[s]: the other hidden cells can add up to s
  let reachable = new Set<number>([0]);
  for (const [low, high] of others) {
    const next = new Set<number>();
    for (const s of reachable) for (let v = low; v <= Math.min(high, sum) && s + v <= sum; v++) next.add(s + v);
    reachable = next;
  }
  const values = new Set<number>();
  for (let v = own[0]; v <= own[1]; v++) if (reachable.has(sum - v)) values.add(v);
  return values;
}

describe('small-cell suppression (property)', () => {
  it('should leave every "<k" cell free to be any value of 1..k-1 under the published totals and cells', () => {
    fc.assert(
      fc.property(casesArbitrary, fc.integer({ min: 2, max: 11 }), (cases, k) => {
        const tables = statisticsTables(cases, '2026-03', k);
        for (const group of tables.groups) {
          const members = cases.filter(
            (item) =>
              item.protocol === group.protocol &&
              item.fromCountry === group.fromCountry &&
              item.toCountry === group.toCountry,
          );
          if (members.length < k) {
            expect(group.total).toBe(`<${k}`);
            for (const dimension of STATISTICS_DIMENSIONS)
              expect(group.breakdowns[dimension]).toEqual({ withheld: true });
            continue;
          }
          expect(group.total).toBe(members.length);
          for (const dimension of STATISTICS_DIMENSIONS) {
            const breakdown = group.breakdowns[dimension];
            if ('withheld' in breakdown) continue;
            const truth = (cell: PublishedCell) => members.filter((item) => item[dimension] === cell.category).length;
            const published = breakdown.cells.filter((cell) => typeof cell.count === 'number');
            for (const cell of published) expect(cell.count).toBe(truth(cell));
            const smallestPublished = Math.min(...published.map((cell) => cell.count as number));
            const bounds = (cell: PublishedCell): [number, number] =>
              cell.count === WITHHELD
                ? [k, Number.isFinite(smallestPublished) ? smallestPublished : members.length]
                : [1, k - 1];
            const hidden = breakdown.cells.filter((cell) => typeof cell.count !== 'number');
            const hiddenSum = members.length - published.reduce((sum, cell) => sum + (cell.count as number), 0);
            for (const [i, cell] of hidden.entries()) {
              if (cell.count === WITHHELD) {
                expect(truth(cell)).toBeGreaterThanOrEqual(k);
                continue;
              }
              expect(cell.count).toBe(`<${k}`);
              expect(truth(cell)).toBeLessThan(k);
              const others = hidden.filter((_, j) => j !== i).map(bounds);
              const values = feasibleValues(bounds(cell), others, hiddenSum);
              expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: k - 1 }, (_, v) => v + 1));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
