import { queryGauge, type Metrics } from '@tradelane/platform';

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/**
 * What operators watch now, read from the database at each scrape: orders by status, and
 * compensations that wait for an operator. One small query each; a scrape while the database is
 * down leaves them out.
 */
export function operationsGauges(metrics: Metrics, query: Query): void {
  queryGauge(metrics, {
    name: 'tradelane_orders',
    help: 'Orders now, by status (submitted, completed, cancelled)',
    labelNames: ['status'] as const,
    read: async () =>
      (await query(`SELECT status, count(*)::int AS n FROM distributor.purchase_orders GROUP BY status`)).map((r) => ({
        labels: { status: String(r.status) },
        value: Number(r.n),
      })),
  });
  queryGauge(metrics, {
    name: 'tradelane_compensations_stuck_open',
    help: 'Stuck compensations now waiting for an operator, by kind',
    labelNames: ['kind'] as const,
    read: async () =>
      (await query(`SELECT kind, count(*)::int AS n FROM distributor.stuck_compensations WHERE status = 'open' GROUP BY kind`)).map((r) => ({
        labels: { kind: String(r.kind) },
        value: Number(r.n),
      })),
  });
}
