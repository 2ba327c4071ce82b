import { WHOLE_LOG, auditLogFilters, rangeIsBackwards } from './audit-log-filters';

describe('auditLogFilters', () => {
  it('should ask for the whole log when nothing is narrowed, and trim the texts', () => {
    expect(auditLogFilters(WHOLE_LOG)).toEqual({});
    expect(auditLogFilters({ ...WHOLE_LOG, user: '  co.auditor ', action: ' ' })).toEqual({ user: 'co.auditor' });
  });

  it('should take the times as instants of the local time zone', () => {
    const filters = auditLogFilters({ ...WHOLE_LOG, from: '2026-03-01T08:30', to: '2026-03-02T00:00' });

    expect(filters.from).toBe(new Date(2026, 2, 1, 8, 30).toISOString());
    expect(filters.to).toBe(new Date(2026, 2, 2).toISOString());
  });
});

describe('rangeIsBackwards', () => {
  it('should tell a range that does not end after it starts, and accept an open end', () => {
    expect(rangeIsBackwards({ ...WHOLE_LOG, from: '2026-03-02T00:00', to: '2026-03-01T23:59' })).toBe(true);
    expect(rangeIsBackwards({ ...WHOLE_LOG, from: '2026-03-01T10:00', to: '2026-03-01T10:00' })).toBe(true);
    expect(rangeIsBackwards({ ...WHOLE_LOG, from: '2026-03-01T10:00', to: '2026-03-01T10:01' })).toBe(false);
    expect(rangeIsBackwards({ ...WHOLE_LOG, from: '2026-03-01T10:00' })).toBe(false);
  });
});
