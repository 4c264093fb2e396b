import { RateLimiter } from './rate-limiter';

describe('rate limiter', () => {
  it('lets a key make its allowance per minute, then says how long to wait, and counts keys apart', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBeUndefined();
    now += 15_000;
    expect(limiter.take('a')).toBe(45);
    expect(limiter.take('b')).toBeUndefined();
    now += 45_000;
    expect(limiter.take('a')).toBeUndefined();
  });
});
