import type { RegionalStatisticsRow } from '../api/monitor-api.types';
import { statisticsBars } from './statistics-bars';

const row = (over: Partial<RegionalStatisticsRow>): RegionalStatisticsRow => ({
  reportedBy: 'CO',
  month: '2026-11',
  protocol: 'referral',
  fromCountry: 'CO',
  toCountry: 'EC',
  dimension: 'sex',
  category: 'Feminine',
  count: 14,
  ...over,
});

describe('statisticsBars', () => {
  it('should draw one bar per month and corridor with the published counts by category', () => {
    const bars = statisticsBars(
      [
        row({ category: 'Feminine', count: 14 }),
        row({ category: 'Masculine', count: 12 }),
        row({ month: '2026-10', category: 'Feminine', count: 20 }),
        row({ protocol: 'return', count: 99 }),
        row({ dimension: 'ageBand', category: '18-24', count: 26 }),
      ],
      'referral',
      'sex',
    );
    expect(bars.categories).toEqual(['Feminine', 'Masculine']);
    expect(bars.bars).toEqual([
      { month: '2026-10', corridor: 'CO→EC', reportedBy: 'CO', counts: { Feminine: 20 } },
      { month: '2026-11', corridor: 'CO→EC', reportedBy: 'CO', counts: { Feminine: 14, Masculine: 12 } },
    ]);
    expect(bars.suppressed).toEqual([]);
  });

  it("should take the sending country's count, not a sum of both ends", () => {
    const bars = statisticsBars(
      [row({ reportedBy: 'EC', count: 13 }), row({ reportedBy: 'CO', count: 14 })],
      'referral',
      'sex',
    );
    expect(bars.bars).toEqual([{ month: '2026-11', corridor: 'CO→EC', reportedBy: 'CO', counts: { Feminine: 14 } }]);
  });

  it('should take the receiving end when the sender published nothing for the month', () => {
    const bars = statisticsBars([row({ reportedBy: 'EC', count: 13 })], 'referral', 'sex');
    expect(bars.bars).toEqual([{ month: '2026-11', corridor: 'CO→EC', reportedBy: 'EC', counts: { Feminine: 13 } }]);
  });

  it('should list a suppressed cell apart and draw nothing of it', () => {
    const bars = statisticsBars(
      [row({ category: 'Feminine', count: 21 }), row({ category: 'Masculine', count: '<11' })],
      'referral',
      'sex',
    );
    expect(bars.bars[0]?.counts).toEqual({ Feminine: 21 });
    expect(bars.categories).toEqual(['Feminine']);
    expect(bars.suppressed).toEqual([
      { month: '2026-11', corridor: 'CO→EC', reportedBy: 'CO', category: 'Masculine', count: '<11' },
    ]);
  });
});
