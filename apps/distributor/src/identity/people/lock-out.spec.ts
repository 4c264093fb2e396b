import { afterRightPassword, afterWrongPassword, lockedUntil, retryAfterSeconds, type AttemptState } from './lock-out';

describe('lock-out', () => {
  const rule = { attempts: 5, seconds: 900 };
  const start = new Date('2026-11-25T12:00:00Z');
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  it('locks for 15 minutes at the fifth wrong password in a row, not before', () => {
    let state: AttemptState = { failedAttempts: 0, lockedUntil: null };
    for (let i = 1; i <= 4; i += 1) {
      state = afterWrongPassword(state, rule, at(i));
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
      expect(lockedUntil(state, at(i))).toBeUndefined();
    }
    state = afterWrongPassword(state, rule, at(5));
    expect(state).toEqual({ failedAttempts: 5, lockedUntil: at(905) });
    expect(lockedUntil(state, at(904))).toEqual(at(905));
    expect(retryAfterSeconds(at(905), at(5))).toBe(900);
    expect(lockedUntil(state, at(905))).toBeUndefined();
  });

  it('counts from nothing again once a lock has passed, and a right password clears the count', () => {
    const locked: AttemptState = { failedAttempts: 5, lockedUntil: at(900) };
    expect(afterWrongPassword(locked, rule, at(901))).toEqual({ failedAttempts: 1, lockedUntil: null });
    const three = [1, 2, 3].reduce((s, i) => afterWrongPassword(s, rule, at(i)), { failedAttempts: 0, lockedUntil: null } as AttemptState);
    expect(three.failedAttempts).toBe(3);
    expect(afterRightPassword()).toEqual({ failedAttempts: 0, lockedUntil: null });
    expect(afterWrongPassword(afterRightPassword(), rule, at(10)).failedAttempts).toBe(1);
  });

  it('never tells a client to retry in less than a second', () => {
    expect(retryAfterSeconds(at(0.2), at(0))).toBe(1);
    expect(retryAfterSeconds(at(0), at(1))).toBe(1);
  });
});
