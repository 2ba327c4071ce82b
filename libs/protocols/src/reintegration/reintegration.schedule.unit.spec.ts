import { addDays, defaultReintegrationPlanDueAt, isReadableInstant } from './reintegration.schedule';

describe('defaultReintegrationPlanDueAt', () => {
  it.each([
    ['2025-05-20T18:00:00.000Z', '2025-06-20T18:00:00.000Z'],
    ['2025-12-15T09:30:00.000Z', '2026-01-15T09:30:00.000Z'],
    ['2025-01-31T12:00:00.000Z', '2025-02-28T12:00:00.000Z'],
    ['2024-01-31T12:00:00.000Z', '2024-02-29T12:00:00.000Z'],
    ['2025-03-31T00:00:00.000Z', '2025-04-30T00:00:00.000Z'],
    ['2025-05-20T20:00:00-05:00', '2025-06-21T01:00:00.000Z'],
  ])('should make a plan for an arrival at %s due at %s', (arrivedAt, due) => {
    expect(defaultReintegrationPlanDueAt(arrivedAt)).toBe(due);
  });

  it('should refuse an arrival nobody can read, naming no value', () => {
    expect(() => defaultReintegrationPlanDueAt('yesterday')).toThrow(
      new RangeError('the arrival is not a readable ISO instant'),
    );
  });
});

describe('addDays', () => {
  it('should add whole days of 24 hours, in UTC', () => {
    expect(addDays('2025-03-29T10:00:00.000Z', 2)).toBe('2025-03-31T10:00:00.000Z');
    expect(addDays('2025-07-01T10:00:00+02:00', 30)).toBe('2025-07-31T08:00:00.000Z');
  });
});

describe('isReadableInstant', () => {
  it('should tell a readable instant from text', () => {
    expect(isReadableInstant('2025-07-01T10:00:00Z')).toBe(true);
    expect(isReadableInstant('next week')).toBe(false);
  });
});
