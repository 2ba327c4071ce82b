import type { StatisticsCase } from './statistics-case';
import { statisticsTables } from './statistics-report';

const base: StatisticsCase = {
  month: '2026-03',
  protocol: 'referral',
  fromCountry: 'CO',
  toCountry: 'EC',
  sex: 'Masculine',
  ageBand: '25-34',
  nationality: 'CO',
  exploitation: 'labour',
};

function cases(count: number, overrides: Partial<StatisticsCase> = {}): StatisticsCase[] {
  return Array.from({ length: count }, () => ({ ...base, ...overrides }));
}

describe('statisticsTables', () => {
  it('should count a month’s cases per protocol and corridor, one group each', () => {
    // given cases of two corridors and of another month
    const all = [...cases(12), ...cases(15, { toCountry: 'PE' }), ...cases(30, { month: '2026-02' })];
    // when tabulated for March
    const tables = statisticsTables(all, '2026-03', 11);
    // then two groups, with their totals
    expect(tables.groups.map((group) => [group.toCountry, group.total])).toEqual([
      ['EC', 12],
      ['PE', 15],
    ]);
  });

  it('should publish "<11" for a group below k and none of its breakdowns', () => {
    // given 3 persons returned from AR to BO
    const all = cases(3, { protocol: 'return', fromCountry: 'AR', toCountry: 'BO' });
    // when tabulated
    const [group] = statisticsTables(all, '2026-03', 11).groups;
    // then neither 3 nor any category count is published
    expect(group?.total).toBe('<11');
    expect(Object.values(group?.breakdowns ?? {})).toEqual([
      { withheld: true },
      { withheld: true },
      { withheld: true },
      { withheld: true },
    ]);
    expect(JSON.stringify(group)).not.toMatch(/\b3\b/);
  });

  it('should suppress a cell of 3 persons inside a published group, with a complementary cell', () => {
    // given 3 women among 23 referred
    const all = [...cases(20), ...cases(3, { sex: 'Feminine' })];
    // when tabulated
    const [group] = statisticsTables(all, '2026-03', 11).groups;
    // then the total is published, the 3 is "<11" and the 20 withheld
    expect(group?.total).toBe(23);
    expect(group?.breakdowns.sex).toEqual({
      cells: [
        { category: 'Feminine', count: '<11' },
        { category: 'Masculine', count: 'withheld' },
      ],
    });
    expect(group?.breakdowns.nationality).toEqual({ cells: [{ category: 'CO', count: 23 }] });
  });
});
