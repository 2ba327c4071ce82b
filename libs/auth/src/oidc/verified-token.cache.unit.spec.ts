import { VerifiedTokenCache } from './verified-token.cache';

describe('VerifiedTokenCache', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000_000_000;
  });

  it('should give the user of a token verified before', () => {
    // given
    const cache = new VerifiedTokenCache<string>(clock);
    cache.remember('t1', 'ana', now / 1000 + 300);
    // when / then
    expect(cache.get('t1')).toBe('ana');
    expect(cache.get('t2')).toBeUndefined();
  });

  it('should forget a token once it expires, before its time in the cache is up', () => {
    // given
    const cache = new VerifiedTokenCache<string>(clock, 10, 60_000);
    cache.remember('t1', 'ana', now / 1000 + 5);
    // when
    now += 5_000;
    // then
    expect(cache.get('t1')).toBeUndefined();
  });

  it('should verify a long-lived token again once its time in the cache is up', () => {
    // given
    const cache = new VerifiedTokenCache<string>(clock, 10, 60_000);
    cache.remember('t1', 'ana', now / 1000 + 3_600);
    // when
    now += 59_999;
    const before = cache.get('t1');
    now += 1;
    // then
    expect(before).toBe('ana');
    expect(cache.get('t1')).toBeUndefined();
  });

  it('should not remember a token already expired', () => {
    // given
    const cache = new VerifiedTokenCache<string>(clock);
    // when
    cache.remember('t1', 'ana', now / 1000 - 1);
    // then
    expect(cache.get('t1')).toBeUndefined();
  });

  it('should hold no more than its bound, forgetting the oldest first', () => {
    // given
    const cache = new VerifiedTokenCache<string>(clock, 2);
    cache.remember('t1', 'ana');
    cache.remember('t2', 'luis');
    // when
    cache.remember('t3', 'eva');
    // then
    expect([cache.get('t1'), cache.get('t2'), cache.get('t3')]).toEqual([undefined, 'luis', 'eva']);
  });
});
