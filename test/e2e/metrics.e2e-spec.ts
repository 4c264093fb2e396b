import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { OrderView, PartyRef, PartyRole, RecordedMessage } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, type Stack } from '../support/stack';
import type { DistributorActivities } from '../../apps/distributor/src/activities/distributor.activities';

/** One sample of the Prometheus text format: `name{label="value",…} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include `labels`. */
function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** The house's free port (below Linux's ephemeral range); free-port.mjs is ESM, which this CommonJS test cannot import. */
function freePort(): number {
  const script = `import { freePort } from './infra/scripts/free-port.mjs'; console.log(await freePort());`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: `${__dirname}/../..` }).toString().trim());
}

const SERVICES: PartyRole[] = ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'];

/**
 * Each service's /metrics after real orders: HTTP requests by route template, what orders did
 * (counted once however often a write is retried), how fast each party answered, and the
 * Temporal SDK's worker metrics on their own port.
 */
describe('metrics: what Prometheus scrapes from each service', () => {
  let stack: Stack;
  let temporalMetrics: string;
  let DistributorActivitiesClass: typeof DistributorActivities;
  const scrape = async (service: PartyRole): Promise<Sample[]> => {
    const res = await stack.http[service].get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(res.text);
  };
  const scrapeAll = async () => Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await scrape(s)] as const))) as Record<PartyRole, Sample[]>;

  beforeAll(async () => {
    temporalMetrics = `127.0.0.1:${freePort()}`;
    process.env.TEMPORAL_METRICS_BIND_ADDRESS = temporalMetrics;
    // The SDK's runtime is installed once per module registry, and the test setup has installed
    // this file's already (without metrics): the stack starts on modules of its own, so its first
    // worker installs a runtime as a service's does, reading TEMPORAL_METRICS_BIND_ADDRESS.
    await jest.isolateModulesAsync(async () => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      stack = await (require('../support/stack') as typeof import('../support/stack')).startStack();
      DistributorActivitiesClass = (require('../../apps/distributor/src/activities/distributor.activities') as typeof import('../../apps/distributor/src/activities/distributor.activities')).DistributorActivities;
      /* eslint-enable @typescript-eslint/no-require-imports */
    });
    await answerAutomatically(stack);
  });
  afterAll(async () => {
    delete process.env.TEMPORAL_METRICS_BIND_ADDRESS;
    await stack?.close();
  });

  it('counts an order from its purchase order to its transfer notice', async () => {
    const before = await scrapeAll();
    const buyer = stack.as('muster-maschinenbau');
    const submitted = await buyer.distributor
      .post('/purchase-orders')
      .send(purchaseOrder([{ sku: 'NUT-M8', quantity: 1000 }, { sku: 'BEARING-6204', quantity: 40 }]))
      .expect(201);
    const orderId: string = submitted.body.orderId;
    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
    const confirmed = await eventually('the order confirmation', async () => {
      const view = await handle.query(orderViewQuery);
      return view.waitingFor.some((w) => w.kind === 'payment') ? view : undefined;
    });
    await buyer.buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
      .expect(200);
    expect(((await handle.result()) as OrderView).status).toBe('completed');
    await stack.http.distributor.get(`/no-such-path/${orderId}`).expect(404);
    const after = await scrapeAll();
    const grew = (service: PartyRole, name: string, labels: Record<string, string> = {}) =>
      total(after[service], name, labels) - total(before[service], name, labels);

    const d = 'distributor';
    expect(grew(d, 'tradelane_orders_started_total')).toBe(1);
    expect(grew(d, 'tradelane_orders_finished_total', { status: 'completed' })).toBe(1);
    expect(grew(d, 'tradelane_orders_finished_total', { status: 'cancelled' })).toBe(0);

    // Requests by route template and status, each with its latency histogram.
    const submit = { method: 'POST', route: '/purchase-orders', status: '201' };
    expect(grew(d, 'tradelane_http_request_duration_seconds_count', submit)).toBe(1);
    expect(grew(d, 'tradelane_http_request_duration_seconds_bucket', { ...submit, le: '+Inf' })).toBe(1);
    expect(grew(d, 'tradelane_http_request_duration_seconds_sum', submit)).toBeGreaterThan(0);
    const payment = { method: 'POST', route: '/orders/:orderId/payment-notice', status: '200' };
    expect(grew('buyer', 'tradelane_http_request_duration_seconds_count', payment)).toBe(1);
    expect(grew(d, 'tradelane_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBe(1);
    for (const service of SERVICES) {
      const routes = after[service].filter((s) => s.name === 'tradelane_http_request_duration_seconds_count').map((s) => s.labels.route);
      // Scrapes are requests too; a concrete path (an order id) never becomes a label value.
      expect(routes).toContain('/metrics');
      expect(routes.filter((r) => r.includes(orderId))).toEqual([]);
    }
    // Each service counts its own requests: the buyer's payment is not on the distributor's scrape.
    expect(total(after.distributor, 'tradelane_http_request_duration_seconds_count', { route: payment.route })).toBe(0);

    // Every supplier's and carrier's time to answer, from the message to its answer.
    const responses = 'tradelane_step_response_seconds_count';
    expect(grew(d, responses, { step: 'stock-answer', role: 'supplier', party: 'acme-steel' })).toBe(1);
    expect(grew(d, responses, { step: 'stock-answer', role: 'supplier', party: 'nordic-parts' })).toBe(1);
    // DE-HAM is served by both carriers, SE-GOT by one; each origin's booked carrier accepts.
    expect(grew(d, responses, { step: 'shipping-quote', role: 'carrier' })).toBe(3);
    expect(grew(d, responses, { step: 'transport-acceptance', role: 'carrier' })).toBe(2);
    expect(grew(d, responses, { step: 'payment', role: 'buyer', party: '' })).toBe(1);
    expect(grew(d, responses, { step: 'transfer-notice', role: 'payment-gateway' })).toBe(1);
    const carriers = after[d].filter((s) => s.name === responses && s.labels.step === 'shipping-quote').map((s) => s.labels.party);
    expect(new Set(carriers).size).toBe(2);
    expect(grew(d, 'tradelane_step_response_seconds_bucket', { step: 'stock-answer', le: '+Inf' })).toBe(2);
    // Automatic answers and no deadline passed: nobody was reminded or escalated from.
    expect(grew(d, 'tradelane_reminders_total')).toBe(0);
    expect(grew(d, 'tradelane_escalations_total')).toBe(0);
    expect(grew(d, 'tradelane_compensations_total')).toBe(0);

    // Orders by status now, read from the distributor's table at the scrape.
    const rows = await stack.db.query(`SELECT status, count(*)::int AS n FROM distributor.purchase_orders GROUP BY status`);
    const gauge = after[d].filter((s) => s.name === 'tradelane_orders');
    expect(Object.fromEntries(gauge.map((s) => [s.labels.status, s.value]))).toEqual(
      Object.fromEntries(rows.rows.map((r: { status: string; n: number }) => [r.status, r.n])),
    );
    expect(total(after[d], 'tradelane_orders', { status: 'completed' })).toBeGreaterThanOrEqual(1);

    // Business metrics are the distributor's; every service has its HTTP metrics and Node's own.
    expect(total(after.supplier, 'tradelane_orders_started_total')).toBe(0);
    expect(after.supplier.some((s) => s.name === 'tradelane_orders_started_total')).toBe(false);
    for (const service of SERVICES) {
      expect(after[service].some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
      const doc = (await stack.http[service].get('/docs/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).not.toContain('/metrics');
    }
  });

  it("serves the Temporal SDK's worker metrics on TEMPORAL_METRICS_BIND_ADDRESS", async () => {
    const samples = await eventually('the Temporal SDK metrics', async () => {
      const res = await fetch(`http://${temporalMetrics}/metrics`);
      if (!res.ok) return undefined;
      const parsed = parseExposition(await res.text());
      return total(parsed, 'temporal_workflow_completed', { task_queue: `${stack.taskQueuePrefix}distributor` }) >= 1 ? parsed : undefined;
    });
    const names = new Set(samples.map((s) => s.name));
    expect([...names].filter((n) => n.startsWith('temporal_activity_execution_latency')).length).toBeGreaterThan(0);
    // One runtime per process: here it serves all five services' workers, each on its task queue.
    expect(total(samples, 'temporal_activity_execution_latency_count', { task_queue: `${stack.taskQueuePrefix}supplier`, activity_type: 'receiveStockInquiry' })).toBeGreaterThan(0);
    expect(total(samples, 'temporal_workflow_task_execution_latency_count', { task_queue: `${stack.taskQueuePrefix}distributor` })).toBeGreaterThan(0);
  });

  it('counts a cancelled order and each compensation it ran', async () => {
    const before = await scrape('distributor');
    const submitted = await stack.as('muster-maschinenbau').distributor
      .post('/purchase-orders')
      .send(purchaseOrder([{ sku: 'BEAM-200', quantity: 100000 }]))
      .expect(201);
    const final: OrderView = await stack.temporal.workflow.getHandle(submitted.body.workflowId).result();
    expect(final.status).toBe('cancelled');
    const after = await scrape('distributor');
    const grew = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);

    expect(grew('tradelane_orders_started_total')).toBe(1);
    expect(grew('tradelane_orders_finished_total', { status: 'cancelled' })).toBe(1);
    expect(grew('tradelane_orders_finished_total', { status: 'completed' })).toBe(0);
    const undone = await stack.db.query(
      `SELECT payload->>'kind' AS kind, receiver_id AS party FROM distributor.order_messages WHERE order_id = $1 AND name = 'compensation'`,
      [submitted.body.orderId],
    );
    expect(undone.rows.length).toBeGreaterThan(0);
    for (const { kind, party } of undone.rows) expect(grew('tradelane_compensations_total', { kind, party })).toBe(1);
    expect(grew('tradelane_compensations_total')).toBe(undone.rows.length);
    expect(total(after, 'tradelane_orders', { status: 'cancelled' })).toBe(total(before, 'tradelane_orders', { status: 'cancelled' }) + 1);
  });

  it('counts each event once however often its write is retried, and open stuck compensations from the table', async () => {
    const activities = stack.apps.distributor.get(DistributorActivitiesClass);
    const before = await scrape('distributor');
    const orderId = randomUUID();
    const supplier: PartyRef = { role: 'supplier', id: 'acme-steel' };
    const distributor: PartyRef = { role: 'distributor', id: 'tradelane' };
    const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 8, 0, s)).toISOString();
    const entry = (seq: number, name: RecordedMessage['name'], payload: object, sender = distributor, receiver = supplier): RecordedMessage => ({
      orderId, seq, step: null, name, sender, receiver, sentAt: at(seq * 10), payload,
    });
    const log = [
      { ...entry(1, 'purchase-order', {}, { role: 'buyer', id: 'b1' }, distributor), step: 1 },
      { ...entry(2, 'stock-inquiry', { inquiryId: 'i-1' }), step: 2 },
      entry(3, 'reminder', { waitingFor: 'stock-answer' }),
      entry(4, 'escalation', { action: 'next-candidate' }),
      { ...entry(5, 'stock-answer', { inquiryId: 'i-1' }, supplier, distributor), step: 3 },
      entry(6, 'compensation-stuck', { kind: 'withdraw-stock-inquiry' }),
    ];
    // The first write stops after entry 3 (as a crash would); its retry repeats it, then the rest twice.
    await activities.recordMessages(log.slice(0, 3));
    await activities.recordMessages(log);
    await activities.recordMessages(log);
    await activities.reportStuckCompensation({
      orderId, compensationId: 'withdraw-stock-inquiry:i-1', kind: 'withdraw-stock-inquiry', party: supplier, subjectId: 'i-1', error: 'supplier system down', stuckAt: at(60),
    });
    const after = await scrape('distributor');
    const grew = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);

    expect(grew('tradelane_orders_started_total')).toBe(1);
    expect(grew('tradelane_reminders_total', { step: 'stock-answer', role: 'supplier', party: 'acme-steel' })).toBe(1);
    expect(grew('tradelane_escalations_total', { action: 'next-candidate', party: 'acme-steel' })).toBe(1);
    expect(grew('tradelane_compensations_stuck_total', { kind: 'withdraw-stock-inquiry', party: 'acme-steel' })).toBe(1);
    // Entry 2 to entry 5: 30 seconds to answer, in the bucket up to 30 s and not in the one up to 5 s.
    const stock = { step: 'stock-answer', party: 'acme-steel' };
    expect(grew('tradelane_step_response_seconds_count', stock)).toBe(1);
    expect(grew('tradelane_step_response_seconds_sum', stock)).toBeCloseTo(30);
    expect(grew('tradelane_step_response_seconds_bucket', { ...stock, le: '30' })).toBe(1);
    expect(grew('tradelane_step_response_seconds_bucket', { ...stock, le: '5' })).toBe(0);

    const open = await stack.db.query(`SELECT kind, count(*)::int AS n FROM distributor.stuck_compensations WHERE status = 'open' GROUP BY kind`);
    expect(open.rows).toContainEqual({ kind: 'withdraw-stock-inquiry', n: 1 });
    for (const { kind, n } of open.rows) expect(total(after, 'tradelane_compensations_stuck_open', { kind })).toBe(n);

    // A completed order's closing written again (a retried task) is not a second completion.
    const [completed] = (await stack.db.query(`SELECT order_id, updated_at FROM distributor.purchase_orders WHERE status = 'completed' LIMIT 1`)).rows;
    await activities.recordMessages([], { orderId: completed.order_id, status: 'completed', at: completed.updated_at.toISOString() });
    expect(total(await scrape('distributor'), 'tradelane_orders_finished_total', { status: 'completed' })).toBe(
      total(after, 'tradelane_orders_finished_total', { status: 'completed' }),
    );
  });

  it('still answers a scrape while the database is down, without the numbers read from it', async () => {
    const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
      const samples = await scrape('distributor');
      expect(samples.some((s) => s.name === 'tradelane_orders')).toBe(false);
      expect(samples.some((s) => s.name === 'tradelane_compensations_stuck_open')).toBe(false);
      expect(total(samples, 'tradelane_orders_started_total')).toBeGreaterThan(0);
      expect(total(samples, 'tradelane_http_request_duration_seconds_count', { route: '/metrics' })).toBeGreaterThan(0);
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    // Back once the database is: the gauge reads it again.
    await eventually('orders by status again', async () => ((await scrape('distributor')).some((s) => s.name === 'tradelane_orders') ? true : undefined));
  });
});
