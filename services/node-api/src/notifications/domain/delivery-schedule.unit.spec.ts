import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './delivery-schedule';

describe('retryDelayMs', () => {
  it('should wait 30 s after the first failure and double after each, up to an hour', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(10)).toBe(3_600_000);
  });

  it('should start from the first delay the node is given', () => {
    expect(retryDelayMs(1, 500)).toBe(500);
    expect(retryDelayMs(3, 500)).toBe(2000);
  });

  it('should give up once the attempts are spent', () => {
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS - 1)).toBe(3_600_000);
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeUndefined();
  });
});
