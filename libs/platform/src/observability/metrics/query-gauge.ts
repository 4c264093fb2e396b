import type { Gauge, LabelValues } from 'prom-client';
import type { Metrics } from './metrics';

/** How long a scrape waits for the database before it answers without the numbers read from it. */
export const QUERY_GAUGE_TIMEOUT_MS = 2_000;

export interface QueryGaugeOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /** one cheap query's rows, each a set of label values and the value */
  read: () => Promise<Array<{ labels: LabelValues<L>; value: number }>>;
  timeoutMs?: number;
}

/**
 * A gauge of what is true now, read from the database when Prometheus scrapes. When the database
 * is down or slow, the gauge has no samples in that scrape (rather than stale ones, or a failed
 * scrape that would hide every other metric, the ones that show the outage among them).
 */
export function queryGauge<L extends string>(metrics: Metrics, options: QueryGaugeOptions<L>): Gauge<L> {
  const timeoutMs = options.timeoutMs ?? QUERY_GAUGE_TIMEOUT_MS;
  return metrics.gauge<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    async collect(this: Gauge<L>) {
      this.reset();
      let rows: Awaited<ReturnType<typeof options.read>>;
      try {
        rows = await withTimeout(options.read(), timeoutMs);
      } catch {
        return;
      }
      for (const row of rows) this.set(row.labels, row.value);
    },
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  // A query that answers after the timeout must not surface as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
