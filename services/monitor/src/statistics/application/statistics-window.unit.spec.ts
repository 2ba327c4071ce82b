import { ProblemException } from '@enlace/http';
import { statisticsWindow } from './statistics-window';

describe(statisticsWindow, () => {
  const now = new Date('2026-12-06T02:30:20Z');

  it('should give a window of minutes one bucket per minute, from the minute it starts in', () => {
    const window = statisticsWindow({ since: '2026-12-06T02:00:40Z', granularity: 'minute' }, now);

    expect(window.since).toEqual(new Date('2026-12-06T02:00:00Z'));
    expect(window.starts).toHaveLength(31);
    expect(window.starts.at(-1)).toEqual(new Date('2026-12-06T02:30:00Z'));
  });

  it('should refuse minutes older than the two days they are kept', () => {
    expect(() => statisticsWindow({ since: '2026-12-03T12:00:00Z', granularity: 'minute' }, now)).toThrow(
      ProblemException,
    );
  });

  it('should refuse a window of more than 2,000 minutes', () => {
    expect(() => statisticsWindow({ since: '2026-12-04T12:00:00Z', granularity: 'minute' }, now)).toThrow(
      /more than 2000 buckets of one minute/,
    );
  });
});
