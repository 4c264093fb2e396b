import { Pool } from 'pg';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { RateLimiter } from './rate-limiter';

const quiet = () => {
  const lines: string[] = [];
  return { lines, logger: { warn: (line: string) => void lines.push(`warn ${line}`), log: (line: string) => void lines.push(`log ${line}`) } };
};

describe('rate limiter', () => {
  afterEach(() => jest.useRealTimers());

  it('lets a key make its allowance per minute, then says how long to wait, and counts keys apart', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const limiter = new RateLimiter(2, new RateLimiterMemory({ points: 2, duration: 60 }));
    await expect(limiter.take('a')).resolves.toBeUndefined();
    await expect(limiter.take('a')).resolves.toBeUndefined();
    jest.setSystemTime(1_015_000);
    await expect(limiter.take('a')).resolves.toBe(45);
    await expect(limiter.take('b')).resolves.toBeUndefined();
    jest.setSystemTime(1_060_001);
    await expect(limiter.take('a')).resolves.toBeUndefined();
  });

  it('counts in this process, saying so once, while its PostgreSQL cannot be reached', async () => {
    // Nothing listens on port 1: every query fails to connect, as when the database is down.
    const unreachable = new Pool({ connectionString: 'postgres://tradelane@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
    const { lines, logger } = quiet();
    const limiter = RateLimiter.inPostgres(unreachable, 'buyer', 'per-organisation', 2, logger);
    try {
      await expect(limiter.take('a')).resolves.toBeUndefined();
      await expect(limiter.take('a')).resolves.toBeUndefined();
      await expect(limiter.take('a')).resolves.toBeGreaterThanOrEqual(59);
      await expect(limiter.take('b')).resolves.toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warn rate limits cannot be counted in the database \(.*ECONNREFUSED.*\); counting in this process/);
    } finally {
      await unreachable.end();
    }
  });

  it('says when its store is back, and counts there again', async () => {
    let down = true;
    const memory = new RateLimiterMemory({ points: 1, duration: 60 });
    const flaky = Object.assign(Object.create(memory) as RateLimiterMemory, {
      consume: (key: string) => (down ? Promise.reject(new Error('connection refused')) : memory.consume(key)),
    });
    const { lines, logger } = quiet();
    const limiter = new RateLimiter(1, flaky, logger);
    await expect(limiter.take('a')).resolves.toBeUndefined();
    down = false;
    // The store had not counted the request made while it was down.
    await expect(limiter.take('a')).resolves.toBeUndefined();
    await expect(limiter.take('a')).resolves.toBeGreaterThan(0);
    expect(lines).toEqual([
      'warn rate limits cannot be counted in the database (connection refused); counting in this process until it is back',
      'log rate limits are counted in the database again',
    ]);
  });
});
