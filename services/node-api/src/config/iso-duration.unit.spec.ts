import { IsoDuration } from './iso-duration';

const START = new Date('2025-01-31T10:00:00.000Z');

describe(IsoDuration.name, () => {
  describe('parse', () => {
    it.each([
      ['P7D', '2025-02-07T10:00:00.000Z'],
      ['PT3S', '2025-01-31T10:00:03.000Z'],
      ['PT0.5S', '2025-01-31T10:00:00.500Z'],
      ['PT1H30M', '2025-01-31T11:30:00.000Z'],
      ['P2W', '2025-02-14T10:00:00.000Z'],
      ['P1DT12H', '2025-02-01T22:00:00.000Z'],
      ['P1Y', '2026-01-31T10:00:00.000Z'],
      ['p7d', '2025-02-07T10:00:00.000Z'],
    ])('should read %s', (text, end) => {
      expect(IsoDuration.parse(text).addTo(START).toISOString()).toBe(end);
    });

    it('should step months as the calendar does', () => {
      expect(IsoDuration.parse('P1M').addTo(new Date('2025-03-15T00:00:00Z')).toISOString()).toBe(
        '2025-04-15T00:00:00.000Z',
      );
    });

    it.each(['', 'P', 'PT', 'P1DT', '7D', 'P-1D', 'P1.5D', 'PT1S1M', 'one week'])('should refuse %p', (text) => {
      expect(() => IsoDuration.parse(text)).toThrow(RangeError);
    });

    it.each(['P0D', 'PT0S', 'P0Y0M0DT0H'])('should refuse the empty period %p', (text) => {
      expect(() => IsoDuration.parse(text)).toThrow('must be longer than zero');
    });
  });

  describe('addTo', () => {
    it('should leave the start as it was', () => {
      const start = new Date(START.getTime());

      IsoDuration.parse('P7D').addTo(start);

      expect(start).toEqual(START);
    });
  });

  describe('toString', () => {
    it('should give the duration as written, in capitals', () => {
      expect(String(IsoDuration.parse(' pt3s '))).toBe('PT3S');
      expect(JSON.stringify({ period: IsoDuration.parse('P7D') })).toBe('{"period":"P7D"}');
    });
  });
});
