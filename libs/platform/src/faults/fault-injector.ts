import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { FaultDecider, parseFaultPlan, pointMatches, type FaultRule } from './fault-plan';

/** What the caller must do after the injector has held or delayed: go on, answer an error, or drop the connection. */
export type FaultOutcome = { kind: 'pass' } | { kind: 'error'; status: number } | { kind: 'reset' };

const PASS: FaultOutcome = { kind: 'pass' };
/** Longer than an activity's 30 s start-to-close and the webhook's 10 s fetch timeout. */
const TIMEOUT_MS = 35_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Injects faults from a plan file that is re-read whenever it changes, so that the chaos run can
 * change the faults of a running service, and of one it restarts, without a control endpoint a
 * production build could expose. Every fault applied is announced as a JSON line in
 * `<plan file>.events` ({ at, pid, point, fault, event }), which the run watches to kill a
 * process exactly while it holds a point.
 */
export class FaultInjector {
  private readonly decider = new FaultDecider();
  private rules: FaultRule[] = [];
  private seen = '';

  constructor(readonly planFile: string) {}

  /** The rules now in the file; a missing or unreadable file means none, a bad one keeps the last good rules. */
  currentRules(): FaultRule[] {
    let stamp: string;
    try {
      const s = statSync(this.planFile);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      this.seen = '';
      return (this.rules = []);
    }
    if (stamp === this.seen) return this.rules;
    try {
      this.rules = parseFaultPlan(readFileSync(this.planFile, 'utf8'));
      this.seen = stamp;
    } catch (error) {
      this.announce('plan-refused', String((error as Error).message), '');
    }
    return this.rules;
  }

  /** Applies the fault planned for `point`, if any: waits through a hold, delay or timeout, then says what is left to do. */
  async at(point: string): Promise<FaultOutcome> {
    const rule = this.decider.decide(this.currentRules(), point, Date.now());
    if (!rule) return PASS;
    const { action } = rule;
    this.announce(action.kind === 'hold' ? 'held' : 'applied', point, rule.id);
    switch (action.kind) {
      case 'hold':
        // Until the run takes the rule out of the plan (or kills the process).
        while (this.currentRules().some((r) => r.id === rule.id && pointMatches(r.point, point))) await sleep(POLL_MS);
        this.announce('released', point, rule.id);
        return PASS;
      case 'delay':
        await sleep(action.ms);
        return PASS;
      case 'timeout':
        await sleep(TIMEOUT_MS);
        return { kind: 'reset' };
      case 'error':
        return { kind: 'error', status: action.status };
      case 'reset':
        return { kind: 'reset' };
    }
  }

  private announce(event: string, point: string, rule: string): void {
    const line = JSON.stringify({ at: new Date().toISOString(), pid: process.pid, event, point, rule });
    try {
      appendFileSync(`${this.planFile}.events`, `${line}\n`);
    } catch {
      // the run reads announcements only when it asked for them; a missing folder is its concern
    }
  }
}

let injector: FaultInjector | null | undefined;

/**
 * The process's injector when TRADELANE_FAULTS names a plan file, else null (no faults, nothing
 * read). Refused in production, so that a stray variable cannot make a real service fail on purpose.
 */
export function faultInjector(env: NodeJS.ProcessEnv = process.env): FaultInjector | null {
  if (injector !== undefined && env === process.env) return injector;
  const file = env.TRADELANE_FAULTS?.trim();
  if (file && env.NODE_ENV === 'production') {
    throw new Error('Invalid environment:\n  TRADELANE_FAULTS: fault injection is for the chaos run and tests only; unset it when NODE_ENV=production');
  }
  const made = file ? new FaultInjector(file) : null;
  if (env === process.env) injector = made;
  return made;
}

/** An error as a party's network or a failing peer would give it, for points that call out or run work. */
export function faultError(point: string, outcome: Exclude<FaultOutcome, { kind: 'pass' }>): Error {
  if (outcome.kind === 'reset') return Object.assign(new Error(`fault injected at ${point}: connection reset`), { code: 'ECONNRESET' });
  return new Error(`fault injected at ${point}: answered ${outcome.status}`);
}
