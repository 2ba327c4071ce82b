import { suppressBreakdown, WITHHELD } from './small-cell.suppression';

const k = 11;

describe('suppressBreakdown', () => {
  it('should publish every cell when none is below k', () => {
    // given a breakdown of large cells
    const cells = [
      { category: 'Masculine', count: 12 },
      { category: 'Feminine', count: 30 },
    ];
    // when it is suppressed, then nothing is hidden
    expect(suppressBreakdown(cells, k)).toEqual({
      cells: [
        { category: 'Feminine', count: 30 },
        { category: 'Masculine', count: 12 },
      ],
    });
  });

  it('should withhold the smallest large cell beside a lone small one, so the total does not give it away', () => {
    // given 3 persons of one sex beside 20 and 40 of others (the group's total 63 is published)
    const cells = [
      { category: 'Feminine', count: 3 },
      { category: 'Masculine', count: 20 },
      { category: 'NonConforming', count: 40 },
    ];
    // when suppressed
    const published = suppressBreakdown(cells, k);
    // then the 3 becomes "<11" and the 20 is withheld: 63 - 40 = 23 = small + withheld, the small one anywhere in 1..10
    expect(published).toEqual({
      cells: [
        { category: 'Feminine', count: '<11' },
        { category: 'Masculine', count: WITHHELD },
        { category: 'NonConforming', count: 40 },
      ],
    });
  });

  it('should withhold more than one cell when the smallest large one leaves the small cell bounded', () => {
    // given a small cell of 1 beside 11, 11 and 50: withholding one 11 would tell 1 + 11 = 12, the small cell ≤ 1
    const cells = [
      { category: 'a', count: 1 },
      { category: 'b', count: 11 },
      { category: 'c', count: 11 },
      { category: 'd', count: 50 },
    ];
    // when suppressed, then the cells withheld add enough slack to keep 1..10 open
    expect(suppressBreakdown(cells, k)).toEqual({
      cells: [
        { category: 'a', count: '<11' },
        { category: 'b', count: WITHHELD },
        { category: 'c', count: WITHHELD },
        { category: 'd', count: WITHHELD },
      ],
    });
  });

  it('should keep two small cells alone when their sum leaves each anywhere in 1..k-1', () => {
    // given two small cells adding up to 11 beside a large one
    const cells = [
      { category: 'CO', count: 4 },
      { category: 'EC', count: 7 },
      { category: 'PE', count: 25 },
    ];
    // when suppressed, then only the small ones are hidden (a + b = 11: a can be 1..10)
    expect(suppressBreakdown(cells, k)).toEqual({
      cells: [
        { category: 'CO', count: '<11' },
        { category: 'EC', count: '<11' },
        { category: 'PE', count: 25 },
      ],
    });
  });

  it('should not trust two small cells whose sum pins them (10 + 10 = 20 tells both)', () => {
    // given two cells of 10 beside 30
    const cells = [
      { category: 'CO', count: 10 },
      { category: 'EC', count: 10 },
      { category: 'PE', count: 30 },
    ];
    // when suppressed, then the large cell is withheld too, which frees the upper side
    expect(suppressBreakdown(cells, k)).toEqual({
      cells: [
        { category: 'CO', count: '<11' },
        { category: 'EC', count: '<11' },
        { category: 'PE', count: WITHHELD },
      ],
    });
  });

  it('should withhold the whole breakdown when no set of cells protects the small one', () => {
    // given 3 beside 12: even both hidden, 15 = small + withheld(≥ 11) gives small ≤ 4
    const cells = [
      { category: 'Feminine', count: 3 },
      { category: 'Masculine', count: 12 },
    ];
    // when suppressed, then nothing of it is published
    expect(suppressBreakdown(cells, k)).toEqual({ withheld: true });
  });

  it('should refuse a threshold below 2', () => {
    expect(() => suppressBreakdown([], 1)).toThrow(RangeError);
  });
});
