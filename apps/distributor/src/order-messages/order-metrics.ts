import type { PartyRef, RecordedMessage } from '@tradelane/contracts';
import type { Metrics } from '@tradelane/platform';
import type { StepLatency } from './step-latency';

/**
 * A party as a label: suppliers, carriers and the gateway by id (the platform's partners, a
 * bounded list); buyers all together, since their number grows with the customers.
 */
export function partyLabels(ref: PartyRef): { role: string; party: string } {
  return { role: ref.role, party: ref.role === 'buyer' ? '' : ref.id };
}

/** Parties answer in milliseconds (automatically) or in hours and days (people). */
const RESPONSE_BUCKETS = [0.01, 0.05, 0.25, 1, 5, 30, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 86400, 3 * 86400, 7 * 86400];

/**
 * What orders do, counted from what is added to their log: each entry is inserted once however
 * often its write is retried, so each event is counted once.
 */
export class OrderMetrics {
  private readonly started;
  private readonly finished;
  private readonly responses;
  private readonly reminders;
  private readonly escalations;
  private readonly compensations;
  private readonly stuck;

  constructor(metrics: Metrics) {
    this.started = metrics.counter({ name: 'tradelane_orders_started_total', help: 'Purchase orders whose workflow started (back-orders included)' });
    this.finished = metrics.counter({
      name: 'tradelane_orders_finished_total',
      help: 'Orders that ended, by how: completed or cancelled',
      labelNames: ['status'] as const,
    });
    this.responses = metrics.histogram({
      name: 'tradelane_step_response_seconds',
      help: "Time from a message to a party until its answer, by the step answered and the party (a supplier's or carrier's response time)",
      labelNames: ['step', 'role', 'party'] as const,
      buckets: RESPONSE_BUCKETS,
    });
    this.reminders = metrics.counter({
      name: 'tradelane_reminders_total',
      help: 'Reminders sent to a party before its deadline, by what the order waits for',
      labelNames: ['step', 'role', 'party'] as const,
    });
    this.escalations = metrics.counter({
      name: 'tradelane_escalations_total',
      help: 'Deadlines passed (or parties that declined) and what was done: next-candidate, cancel or ask-buyer',
      labelNames: ['action', 'role', 'party'] as const,
    });
    this.compensations = metrics.counter({
      name: 'tradelane_compensations_total',
      help: 'Effects undone when an order was cancelled, by kind and party',
      labelNames: ['kind', 'role', 'party'] as const,
    });
    this.stuck = metrics.counter({
      name: 'tradelane_compensations_stuck_total',
      help: 'Compensations that failed after their retries and were handed to operators',
      labelNames: ['kind', 'role', 'party'] as const,
    });
  }

  /** Entries a write actually added to the log. */
  added(entries: RecordedMessage[]): void {
    for (const entry of entries) {
      const payload = (entry.payload ?? {}) as { waitingFor?: string; action?: string; kind?: string };
      switch (entry.name) {
        case 'purchase-order':
          this.started.inc();
          break;
        case 'reminder':
          this.reminders.inc({ step: payload.waitingFor ?? 'unknown', ...partyLabels(entry.receiver) });
          break;
        case 'escalation':
          this.escalations.inc({ action: payload.action ?? 'unknown', ...partyLabels(entry.receiver) });
          break;
        case 'compensation':
          this.compensations.inc({ kind: payload.kind ?? 'unknown', ...partyLabels(entry.receiver) });
          break;
        case 'compensation-stuck':
          this.stuck.inc({ kind: payload.kind ?? 'unknown', ...partyLabels(entry.receiver) });
          break;
      }
    }
  }

  answered(latencies: StepLatency[]): void {
    for (const l of latencies) this.responses.observe({ step: l.step, ...partyLabels(l.party) }, l.seconds);
  }

  /** The order's final status was written (not a repeat of that write). */
  orderFinished(status: string): void {
    this.finished.inc({ status });
  }
}
