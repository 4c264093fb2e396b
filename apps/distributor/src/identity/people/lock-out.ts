/**
 * Lock-out after wrong passwords in a row: the attempt that reaches the limit locks the account
 * for a while; once that has passed, counting starts again. A right password clears it all.
 */
export interface LockOutRule {
  attempts: number;
  seconds: number;
}

export interface AttemptState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** When the account opens again, if it is locked at `now`. */
export function lockedUntil(state: AttemptState, now: Date): Date | undefined {
  return state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : undefined;
}

export function afterWrongPassword(state: AttemptState, rule: LockOutRule, now: Date): AttemptState {
  const lapsed = state.lockedUntil !== null && state.lockedUntil <= now;
  const failedAttempts = (lapsed ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= rule.attempts) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + rule.seconds * 1000) };
  }
  return { failedAttempts, lockedUntil: lapsed ? null : state.lockedUntil };
}

export function afterRightPassword(): AttemptState {
  return { failedAttempts: 0, lockedUntil: null };
}

/** Whole seconds for Retry-After, at least 1. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
