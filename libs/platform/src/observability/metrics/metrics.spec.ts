import type { ExecutionContext } from '@nestjs/common';
import { RouteTemplateGuard, routeLabel, routeTemplate, UNMATCHED_ROUTE } from './http-metrics';
import { Metrics } from './metrics';
import { queryGauge } from './query-gauge';

describe('a service’s metrics', () => {
  it('gives the same instrument for the same name, and keeps each app’s numbers apart', async () => {
    const buyer = new Metrics();
    const distributor = new Metrics();
    const declare = (m: Metrics) => m.counter({ name: 'tradelane_things_total', help: 'things', labelNames: ['kind'] as const });
    expect(declare(distributor)).toBe(declare(distributor));
    declare(distributor).inc({ kind: 'a' }, 2);
    declare(buyer).inc({ kind: 'a' });
    expect(await distributor.text()).toContain('tradelane_things_total{kind="a"} 2');
    expect(await buyer.text()).toContain('tradelane_things_total{kind="a"} 1');
    expect(() => distributor.gauge({ name: 'tradelane_things_total', help: 'things' })).toThrow(/another kind/);
  });

  it('answers in the Prometheus text format with the process’s own metrics', async () => {
    const metrics = new Metrics();
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await metrics.text()).toMatch(/^process_cpu_user_seconds_total \d/m);
  });
});

describe('a gauge read from the database at the scrape', () => {
  const gaugeOf = (read: () => Promise<Array<{ labels: { status: string }; value: number }>>) => {
    const metrics = new Metrics();
    queryGauge(metrics, { name: 'tradelane_orders', help: 'orders', labelNames: ['status'] as const, read, timeoutMs: 50 });
    return metrics;
  };

  it('has what the query read, and nothing stale from the scrape before', async () => {
    let rows = [{ labels: { status: 'submitted' }, value: 3 }, { labels: { status: 'completed' }, value: 1 }];
    const metrics = gaugeOf(async () => rows);
    const first = await metrics.text();
    expect(first).toContain('tradelane_orders{status="submitted"} 3');
    expect(first).toContain('tradelane_orders{status="completed"} 1');
    rows = [{ labels: { status: 'completed' }, value: 4 }];
    const second = await metrics.text();
    expect(second).toContain('tradelane_orders{status="completed"} 4');
    expect(second).not.toContain('status="submitted"');
  });

  it('is left out, and the rest still served, when the database fails or does not answer in time', async () => {
    for (const read of [() => Promise.reject(new Error('connect ECONNREFUSED')), () => new Promise<never>(() => undefined)]) {
      const metrics = gaugeOf(read);
      metrics.counter({ name: 'tradelane_orders_started_total', help: 'started' }).inc();
      const text = await metrics.text();
      expect(text).not.toMatch(/^tradelane_orders\{/m);
      expect(text).toContain('tradelane_orders_started_total 1');
    }
  });
});

describe('the route label of a request', () => {
  const expressRequest = (path?: string) => ({ baseUrl: '', route: path === undefined ? undefined : { path } }) as never;
  /** As a Nest route takes it: its guard notes the template first. */
  const nestRequest = (template: string) => {
    const req = expressRequest(template);
    const context = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
    new RouteTemplateGuard().canActivate(context);
    return req;
  };

  it('is the template of the route that took it, never the concrete path', () => {
    expect(routeTemplate(expressRequest('/orders/:id'))).toBe('/orders/:id');
    // An unknown order is a 404 of a known route.
    expect(routeLabel(nestRequest('/orders/:id'), 404)).toBe('/orders/:id');
  });

  it('is one value for every path no route has, even when middleware ran as a catch-all route', () => {
    expect(routeLabel(expressRequest(undefined), 404)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(expressRequest('/{*path}'), 404)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(expressRequest('/docs/openapi.json'), 200)).toBe('/docs/openapi.json');
  });
});
