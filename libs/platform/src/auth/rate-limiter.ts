/**
 * A fixed one-minute window per key, in this process. Each service limits its own callers; with
 * several replicas the effective limit is per replica, which is enough to stop a runaway client.
 */
export class RateLimiter {
  private windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; answers how many seconds to wait when over the limit, else undefined. */
  take(key: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= 60_000) {
      if (this.windows.size > 10_000) this.forgetOld(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + 60_000 - now) / 1000));
  }

  private forgetOld(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(key);
  }
}
