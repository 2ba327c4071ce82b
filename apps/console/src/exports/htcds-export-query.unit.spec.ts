import { EVERY_CASE, htcdsExportQuery, periodIsBackwards } from './htcds-export-query';

describe('htcdsExportQuery', () => {
  it('should ask for every case and intake when nothing is narrowed', () => {
    expect(htcdsExportQuery(EVERY_CASE)).toEqual({});
  });

  it('should pass the protocol and the direction as chosen', () => {
    expect(htcdsExportQuery({ ...EVERY_CASE, protocol: 'intake' })).toEqual({ protocol: 'intake' });
    expect(htcdsExportQuery({ ...EVERY_CASE, protocol: 'return', direction: 'incoming' })).toEqual({
      protocol: 'return',
      direction: 'incoming',
    });
  });

  it('should take the period from the start of its first day to the end of its last, in local time', () => {
    const query = htcdsExportQuery({ ...EVERY_CASE, from: '2026-03-01', to: '2026-03-31' });

    expect(query.createdFrom).toBe(new Date(2026, 2, 1).toISOString());
    expect(query.createdTo).toBe(new Date(2026, 3, 1).toISOString());
  });
});

describe('periodIsBackwards', () => {
  it('should tell a period that ends before it starts, and accept one day or an open end', () => {
    expect(periodIsBackwards({ ...EVERY_CASE, from: '2026-03-02', to: '2026-03-01' })).toBe(true);
    expect(periodIsBackwards({ ...EVERY_CASE, from: '2026-03-01', to: '2026-03-01' })).toBe(false);
    expect(periodIsBackwards({ ...EVERY_CASE, from: '2026-03-01' })).toBe(false);
  });
});
