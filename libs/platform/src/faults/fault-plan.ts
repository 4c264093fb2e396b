/**
 * The fault plan: which faults to inject at which points, as the chaos run writes it into the file
 * TRADELANE_FAULTS names. Pure parsing and decisions; fault-injector.ts applies them.
 *
 * A point is `activity:<activity name>`, `http:<METHOD> <path>` or `webhook:transfer-notice` at
 * entry, before the work; `activity-exit:`, `http-exit:` and `webhook-exit:` name the same points
 * once the work is done and before its result leaves (a crash there loses a result whose effects
 * are kept). A rule's point may use `:name` path segments and `*`.
 */
export type FaultAction =
  | { kind: 'hold' }
  | { kind: 'delay'; ms: number }
  | { kind: 'error'; status: number }
  | { kind: 'timeout' }
  | { kind: 'reset' };

export interface FaultRule {
  point: string;
  action: FaultAction;
  /** how many hits (in one process) the rule applies to; unlimited when absent */
  count?: number;
  /** epoch ms after which the rule no longer applies; none when absent */
  until?: number;
  /** the rule's identity for counting hits: rewriting the plan with a new id starts the count over */
  id: string;
}

export class FaultPlanError extends Error {}

/** `hold`, `delay:<ms>`, `error:<status 400–599>`, `error:timeout`, `error:reset` or `reset`. */
export function parseFaultAction(spec: string): FaultAction {
  const [kind, arg, ...rest] = spec.trim().split(':');
  const bad = (why: string) => new FaultPlanError(`fault "${spec}": ${why}`);
  if (rest.length) throw bad('too many parts');
  switch (kind) {
    case 'hold':
    case 'reset':
      if (arg !== undefined) throw bad(`${kind} takes no argument`);
      return { kind };
    case 'delay': {
      const ms = Number(arg);
      if (!arg || !Number.isInteger(ms) || ms < 0 || ms > 600_000) throw bad('delay needs whole milliseconds, 0–600000');
      return { kind: 'delay', ms };
    }
    case 'error': {
      if (arg === 'timeout') return { kind: 'timeout' };
      if (arg === 'reset') return { kind: 'reset' };
      const status = Number(arg);
      if (!arg || !Number.isInteger(status) || status < 400 || status > 599) throw bad('error needs an HTTP status 400–599, timeout or reset');
      return { kind: 'error', status };
    }
    default:
      throw bad('unknown kind (hold, delay:<ms>, error:<status|timeout|reset>, reset)');
  }
}

const POINT = /^(activity(-exit)?:[A-Za-z0-9_*]+|http(-exit)?:(GET|POST|PUT|PATCH|DELETE|\*) \/[^\s]*|webhook(-exit)?:[a-z-*]+)$/;

/** The plan file: `{ "rules": [{ "point", "fault", "count"?, "until"?, "id"? }] }`. */
export function parseFaultPlan(text: string): FaultRule[] {
  if (!text.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FaultPlanError(`the fault plan is not JSON: ${(error as Error).message}`);
  }
  const rules = (parsed as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) throw new FaultPlanError('the fault plan needs a "rules" array');
  return rules.map((raw: unknown, i) => {
    const r = raw as Record<string, unknown>;
    const where = `rule ${i + 1}`;
    if (typeof r?.point !== 'string' || !POINT.test(r.point)) {
      throw new FaultPlanError(`${where}: point must be activity:<name>, http:<METHOD> /<path> or webhook:<name> (or activity-exit:, http-exit:, webhook-exit:)`);
    }
    if (typeof r.fault !== 'string') throw new FaultPlanError(`${where}: fault must be a string`);
    if (r.count !== undefined && (!Number.isInteger(r.count) || (r.count as number) < 1)) {
      throw new FaultPlanError(`${where}: count must be a whole number from 1`);
    }
    const until = r.until === undefined ? undefined : typeof r.until === 'string' ? Date.parse(r.until) : Number(r.until);
    if (until !== undefined && !Number.isFinite(until)) throw new FaultPlanError(`${where}: until must be epoch ms or an ISO time`);
    return {
      point: r.point,
      action: parseFaultAction(r.fault),
      ...(r.count !== undefined ? { count: r.count as number } : {}),
      ...(until !== undefined ? { until } : {}),
      id: typeof r.id === 'string' ? r.id : `${r.point} ${r.fault} ${i}`,
    };
  });
}

/** Whether a rule's point names this point: `/:name` matches one path segment, `*` anything. */
export function pointMatches(pattern: string, point: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[A-Za-z0-9_]+/g, '/[^/]+'))
    .join('.*');
  return new RegExp(`^${source}$`).test(point);
}

/** Counts hits per rule id in one process and says which action, if any, a hit at `point` gets. */
export class FaultDecider {
  private readonly hits = new Map<string, number>();

  decide(rules: FaultRule[], point: string, now: number): FaultRule | undefined {
    for (const rule of rules) {
      if (!pointMatches(rule.point, point)) continue;
      if (rule.until !== undefined && now >= rule.until) continue;
      const hits = this.hits.get(rule.id) ?? 0;
      if (rule.count !== undefined && hits >= rule.count) continue;
      this.hits.set(rule.id, hits + 1);
      return rule;
    }
    return undefined;
  }
}
