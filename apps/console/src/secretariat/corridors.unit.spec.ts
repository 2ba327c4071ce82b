import type { CorridorFlow } from '../api/monitor-api.types';
import { corridorMatrix, labelMargin, messageCount, volumeSeries } from './corridors';

const corridor = (from: string, to: string, buckets: [string, number, number][]): CorridorFlow => ({
  from,
  to,
  total: buckets.reduce((sum, [, requested, receipts]) => sum + requested + receipts, 0),
  byType: {
    'referral.requested.v1': buckets.reduce((sum, [, requested]) => sum + requested, 0),
    'receipt.delivered.v1': buckets.reduce((sum, [, , receipts]) => sum + receipts, 0),
  },
  buckets: buckets.map(([start, requested, receipts]) => ({
    start,
    count: requested + receipts,
    byType: { 'referral.requested.v1': requested, 'receipt.delivered.v1': receipts },
  })),
});

const H1 = '2025-03-14T09:00:00.000Z';
const H2 = '2025-03-14T10:00:00.000Z';

describe('messageCount', () => {
  it('should leave delivery receipts out', () => {
    expect(messageCount(corridor('CO', 'EC', [[H1, 3, 2]]))).toBe(3);
  });
});

describe('corridorMatrix', () => {
  it('should hold every country, known or seen, with zero where nothing flowed', () => {
    const matrix = corridorMatrix(
      { corridors: [corridor('CO', 'EC', [[H1, 2, 1]]), corridor('EC', 'CO', [[H1, 0, 2]])] },
      ['PE'],
    );
    expect(matrix.countries).toEqual(['CO', 'EC', 'PE']);
    expect(matrix.count['CO']).toEqual({ CO: 0, EC: 2, PE: 0 });
    expect(matrix.count['EC']?.['CO']).toBe(0);
  });
});

describe('volumeSeries', () => {
  it('should leave out of the legend a corridor with no message in the window', () => {
    const { keys } = volumeSeries({
      corridors: [corridor('CO', 'EC', [[H1, 2, 0]]), corridor('PE', 'EC', [[H1, 0, 0]]), corridor('AR', 'BO', [])],
    });

    expect(keys).toEqual(['CO→EC']);
  });

  it('should keep the busiest corridors by name and sum the rest per bucket', () => {
    const { keys, points } = volumeSeries(
      {
        corridors: [
          corridor('CO', 'EC', [
            [H1, 5, 0],
            [H2, 1, 0],
          ]),
          corridor('PE', 'EC', [[H2, 2, 0]]),
          corridor('AR', 'BO', [[H1, 1, 4]]),
        ],
      },
      1,
    );
    expect(keys).toEqual(['CO→EC', 'other']);
    expect(points).toEqual([
      { start: H1, 'CO→EC': 5, other: 1 },
      { start: H2, 'CO→EC': 1, other: 2 },
    ]);
  });
});

describe('labelMargin', () => {
  it('should leave room for the longest label, more for a four-digit count than for a one-digit one', () => {
    const short = labelMargin(['→ PE (4)']);
    const long = labelMargin(['→ EC (9)', '→ PE (1040)']);

    expect(long).toBeGreaterThan(short);
    // at 13 px a character takes some 7 px: "→ PE (1040)" (11 characters) needs about 80 px besides the gap
    expect(long).toBeGreaterThanOrEqual(11 * 7 + 6);
  });
});
