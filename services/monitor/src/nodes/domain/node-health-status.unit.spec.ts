import { nodeHealthStatus } from './node-health-status';

describe(nodeHealthStatus, () => {
  const sentAt = new Date('2025-03-17T14:06:05.000Z');
  const after = (ms: number) => new Date(sentAt.getTime() + ms);

  it.each([
    [0, 'up'],
    [10_000, 'up'],
    [10_001, 'late'],
    [25_000, 'late'],
    [25_001, 'down'],
  ])('should call a node beating every 5 s, silent for %i ms, %s', (silentMs, status) => {
    expect(nodeHealthStatus({ sentAt, intervalMs: 5000 }, after(silentMs))).toBe(status);
  });

  it('should call a node never heard from unknown', () => {
    expect(nodeHealthStatus(undefined, sentAt)).toBe('unknown');
  });
});
