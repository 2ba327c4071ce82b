import { isValidAt } from './validity';

describe(isValidAt, () => {
  const period = { validFrom: '2025-01-01T00:00:00.000Z', validUntil: '2025-07-01T00:00:00.000Z' };

  it('should hold from the start, inclusive, to the end, exclusive', () => {
    expect(isValidAt(period, new Date('2025-01-01T00:00:00.000Z'))).toBe(true);
    expect(isValidAt(period, new Date('2025-06-30T23:59:59.999Z'))).toBe(true);
    expect(isValidAt(period, new Date('2025-07-01T00:00:00.000Z'))).toBe(false);
    expect(isValidAt(period, new Date('2024-12-31T23:59:59.999Z'))).toBe(false);
  });

  it('should hold forever without bounds', () => {
    expect(isValidAt({}, new Date('1970-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('should widen only the start by the tolerance', () => {
    expect(isValidAt(period, new Date('2024-12-31T23:59:30.000Z'), 60_000)).toBe(true);
    expect(isValidAt(period, new Date('2025-07-01T00:00:30.000Z'), 60_000)).toBe(false);
  });

  it('should not hold at an invalid date', () => {
    expect(isValidAt({}, new Date('not a date'))).toBe(false);
  });
});
