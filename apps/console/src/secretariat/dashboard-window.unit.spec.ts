import type { DelayReport, FlowReport } from '../api/monitor-api.types';
import { fittedWindow, fixedWindow, fromFirstMessage } from './dashboard-window';

const now = new Date('2026-12-06T10:30:00Z');
const bucket = (start: string, count: number, type = 'referral.requested.v1') => ({
  start,
  count,
  byType: count > 0 ? { [type]: count } : {},
});
const flows = (buckets: FlowReport['corridors'][number]['buckets']): FlowReport => ({
  since: buckets[0]?.start ?? now.toISOString(),
  until: now.toISOString(),
  granularity: 'hour',
  corridors: [{ from: 'CO', to: 'EC', total: 0, byType: {}, buckets }],
});

describe('fittedWindow', () => {
  it('should chart a network whose first message is minutes old by the minute, from its first hour', () => {
    const hourly = flows([bucket('2026-12-06T09:00:00.000Z', 0), bucket('2026-12-06T10:00:00.000Z', 12)]);

    expect(fittedWindow(hourly, now)).toEqual({ since: new Date('2026-12-06T10:00:00Z'), granularity: 'minute' });
  });

  it('should chart traffic that began more than six hours ago by the hour, from its first hour', () => {
    const hourly = flows([bucket('2026-12-05T20:00:00.000Z', 0), bucket('2026-12-05T21:00:00.000Z', 3)]);

    expect(fittedWindow(hourly, now)).toEqual({ since: new Date('2026-12-05T21:00:00Z'), granularity: 'hour' });
  });

  it('should not count delivery receipts as traffic, and show the last hour by the minute when nothing moved', () => {
    const hourly = flows([bucket('2026-12-06T08:00:00.000Z', 4, 'receipt.delivered.v1')]);

    expect(fittedWindow(hourly, now)).toEqual({ since: new Date('2026-12-06T09:30:00Z'), granularity: 'minute' });
  });
});

describe('fixedWindow', () => {
  it('should give the last hour by the minute and the last day by the hour', () => {
    expect(fixedWindow('PT1H', now)).toEqual({ since: new Date('2026-12-06T09:30:00Z'), granularity: 'minute' });
    expect(fixedWindow('P1D', now)).toEqual({ since: new Date('2026-12-05T10:30:00Z'), granularity: 'hour' });
    expect(fixedWindow('P30D', now).granularity).toBe('day');
  });
});

describe('fromFirstMessage', () => {
  it('should cut the empty minutes before the first message but the one just before it, delays alike', () => {
    const minutes = ['10:00', '10:01', '10:02', '10:03', '10:04'].map((m) => `2026-12-06T${m}:00.000Z`);
    const report = flows(minutes.map((start, index) => bucket(start, index >= 3 ? 2 : 0)));
    const empty = { count: 0, p50Ms: null, p95Ms: null, p99Ms: null };
    const delays = {
      since: minutes[0],
      until: now.toISOString(),
      granularity: 'minute',
      corridors: [
        {
          from: 'CO',
          to: 'EC',
          delivery: empty,
          answer: empty,
          buckets: minutes.map((start) => ({ start, delivery: empty, answer: empty })),
        },
      ],
    } as unknown as DelayReport;

    const cut = fromFirstMessage(report, delays);

    expect(cut.flows.corridors[0]?.buckets.map((b) => b.start)).toEqual(minutes.slice(2));
    expect(cut.delays.corridors[0]?.buckets.map((b) => b.start)).toEqual(minutes.slice(2));
  });

  it('should leave a report with no message whole', () => {
    const report = flows([bucket('2026-12-06T10:00:00.000Z', 0)]);
    const delays = { since: '', until: '', granularity: 'minute', corridors: [] } as unknown as DelayReport;

    expect(fromFirstMessage(report, delays).flows).toBe(report);
  });
});
