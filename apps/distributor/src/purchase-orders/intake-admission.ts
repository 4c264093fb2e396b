import { ProblemException } from '@tradelane/platform';

export interface IntakeLimits {
  /** What is taken in, for the refusal's words: `purchase orders`, `transfer notices`. */
  what: string;
  /** Requests taken in at once by this process. */
  maxInFlight: number;
  /** Submissions that may wait for a place; beyond that they are refused at once. */
  maxWaiting: number;
  /** How long a submission waits for a place before it is refused. */
  maxWaitMs: number;
  /** What the refusal's Retry-After asks the buyer to wait. */
  retryAfterSeconds: number;
}

/** 429 with the seconds for Retry-After: the distributor is up, only too busy to take this request now. */
export class IntakeBusy extends ProblemException {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
    detail: string,
  ) {
    super(429, 'intake-busy', `Too many ${what} at once`, `${detail}; nothing was kept or started, send it again after ${retryAfterSeconds} s`);
  }
}

export type Release = () => void;

/**
 * Admission control for an intake that holds one of the process's database connections while it
 * waits on Temporal: a purchase order while its workflow starts, a transfer notice while the order
 * takes its update (which needs this process's worker, and so the same pool). Under a burst, more
 * of them than the pool can serve wait past their deadlines and fail as 503s though nothing is
 * down, or hold every connection the worker needs. A bounded number run, a bounded number wait
 * their turn in arrival order, and the rest are told when to come back.
 */
export class IntakeAdmission {
  private running = 0;
  private readonly queue: Array<{ grant: () => void }> = [];

  constructor(private readonly limits: IntakeLimits) {}

  get inFlight(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with the release of the place once the order may go in; rejects with IntakeBusy. */
  admit(): Promise<Release> {
    if (this.running < this.limits.maxInFlight && this.queue.length === 0) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.limits.maxWaiting || this.limits.maxWaitMs === 0) {
      return Promise.reject(this.busy(`${this.running} ${this.limits.what} are being taken in and ${this.queue.length} wait`));
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(timer);
          this.running++;
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(entry), 1);
        reject(this.busy(`no place to take it in within ${this.limits.maxWaitMs} ms`));
      }, this.limits.maxWaitMs);
      this.queue.push(entry);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.queue.shift()?.grant();
    };
  }

  private busy(detail: string): IntakeBusy {
    return new IntakeBusy(this.limits.retryAfterSeconds, this.limits.what, detail);
  }
}
