import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Wakes requests waiting for an order's confirmation when it arrives: stored by this process, or
 * by another replica, whose notification reaches this one. A waiter also looks again every
 * `recheckMs`, for a notification that never came.
 */
export class ConfirmationArrivals {
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(private readonly recheckMs = 1000) {}

  arrived(orderId: string): void {
    const waiting = this.waiters.get(orderId);
    this.waiters.delete(orderId);
    for (const wake of waiting ?? []) wake();
  }

  /** Wakes every waiter to look again, as when notifications may have been missed. */
  arrivedAny(): void {
    const waiting = [...this.waiters.values()];
    this.waiters.clear();
    for (const set of waiting) for (const wake of set) wake();
  }

  /** Looks with `find` until it finds something or `waitMs` has passed. */
  async waitFor<T>(orderId: string, waitMs: number, find: () => Promise<T | null>): Promise<T | null> {
    const until = Date.now() + waitMs;
    for (;;) {
      const found = await find();
      const left = until - Date.now();
      if (found || left <= 0) return found;
      await this.nextArrival(orderId, Math.min(left, this.recheckMs));
    }
  }

  private async nextArrival(orderId: string, ms: number): Promise<void> {
    const stop = new AbortController();
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const set = this.waiters.get(orderId) ?? new Set();
    set.add(wake);
    this.waiters.set(orderId, set);
    try {
      await Promise.race([woken, sleep(ms, undefined, { signal: stop.signal }).catch(() => undefined)]);
    } finally {
      stop.abort();
      set.delete(wake);
      if (set.size === 0 && this.waiters.get(orderId) === set) this.waiters.delete(orderId);
    }
  }
}
