import { isAtOrAfter, isBefore } from './iso-instant';

describe('isAtOrAfter', () => {
  it('should compare instants written with different offsets', () => {
    expect(isAtOrAfter('2025-03-15T12:00:00+02:00', '2025-03-15T10:00:00Z')).toBe(true);
    expect(isAtOrAfter('2025-03-15T11:59:59+02:00', '2025-03-15T10:00:00Z')).toBe(false);
  });

  it('should fail closed on an unreadable instant', () => {
    expect(isAtOrAfter('soon', '2025-03-15T10:00:00Z')).toBe(false);
    expect(isAtOrAfter('2025-03-15T10:00:00Z', 'soon')).toBe(false);
  });
});

describe('isBefore', () => {
  it('should hold only strictly before', () => {
    expect(isBefore('2025-03-15T09:59:59.999Z', '2025-03-15T10:00:00Z')).toBe(true);
    expect(isBefore('2025-03-15T10:00:00.000Z', '2025-03-15T10:00:00Z')).toBe(false);
  });

  it('should fail closed on an unreadable instant', () => {
    expect(isBefore('2025-03-15T10:00:00Z', 'never')).toBe(false);
  });
});
