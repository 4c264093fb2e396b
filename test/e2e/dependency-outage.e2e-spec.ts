import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import type { OrderView } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { prepareDatabase } from '../../infra/stack/prepare-database';
import { runDependency, type RunningDependency } from '../support/dependency-process';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';
import { PurchaseOrdersService } from '../../apps/distributor/src/purchase-orders/purchase-orders.service';

/**
 * A real PostgreSQL and a real Temporal server of this file's own, stopped and started again under
 * the running services: readiness says what is down, requests that need it answer 503 with
 * Retry-After and leave nothing behind, and the services recover without a restart.
 */
describe('PostgreSQL or Temporal out of reach', () => {
  const buyerId = 'muster-maschinenbau';
  let scratch: string;
  let pg: RunningDependency;
  let temporal: RunningDependency;
  let stack: Stack;
  /** the order taken once Temporal was back */
  let keptOrderId: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(process.env.TRADELANE_TEST_SCRATCH ?? tmpdir(), 'outage-'));
    chmodSync(scratch, 0o755); // embedded PostgreSQL runs as another user when the tests run as root
    [pg, temporal] = await Promise.all([
      runDependency('postgres', join(scratch, 'postgres')),
      runDependency('temporal', join(scratch, 'temporal.log')),
    ]);
    await prepareDatabase(pg.url!, { seed: true });
    stack = await startStack({
      temporalAddress: temporal.address,
      replicaOf: { databaseUrl: pg.url!, taskQueuePrefix: `t${randomUUID().slice(0, 8)}-` },
    });
    await answerAutomatically(stack);
  });
  afterAll(async () => {
    // Calls made while Temporal was down are retried by the client on timers (up to 6 s apart)
    // that closing its connection does not cancel; one firing after the close throws "Channel has
    // been shut down" outside any test. Temporal is back by now, so each pending retry succeeds.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    await stack?.close();
    await Promise.all([pg?.stop(), temporal?.stop()]);
  });

  const distributor = () => stack.http.distributor;
  const order = (idempotencyKey: string) => ({ ...purchaseOrder([{ sku: 'NUT-M8', quantity: 10 }]), idempotencyKey });
  const submit = (idempotencyKey: string) => stack.as(buyerId).distributor.post('/purchase-orders').send(order(idempotencyKey));
  const rowsWithKey = async (idempotencyKey: string) =>
    (await stack.db.query(`SELECT order_id FROM distributor.purchase_orders WHERE idempotency_key = $1`, [idempotencyKey])).rows;
  const view = (orderId: string): Promise<OrderView> => stack.temporal.workflow.getHandle(`order:${orderId}`).query(orderViewQuery);
  /** Workflows started on this stack's distributor queue since `since`. */
  async function startedSince(since: Date): Promise<string[]> {
    const ids: string[] = [];
    const query = `TaskQueue = "${stack.taskQueuePrefix}distributor" AND StartTime >= "${since.toISOString()}"`;
    for await (const w of stack.temporal.workflow.list({ query })) ids.push(w.workflowId);
    return ids;
  }
  const ready = () => eventually('the distributor to be ready again', async () => ((await distributor().get('/health/ready')).status === 200 ? true : undefined), 60_000);

  function expectUnavailable(what: string, res: Response, dependency: 'database' | 'temporal') {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ type: 'urn:tradelane:problem:dependency-unavailable', status: 503, dependency });
    console.log(`503 while ${dependency} is down: ${what}`, JSON.stringify(res.headers), JSON.stringify(res.body));
  }

  it('answers ready with both up, and live', async () => {
    const readiness = await distributor().get('/health/ready').expect(200);
    expect(readiness.body).toMatchObject({ status: 'ok', database: 'up', temporal: 'up' });
    expect((await distributor().get('/health').expect(200)).body).toMatchObject({ status: 'ok', database: 'up', temporal: 'up' });
    expect((await distributor().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    console.log('ready:', JSON.stringify(readiness.body));
  });

  it('with PostgreSQL stopped: not ready (database), still live, a purchase order is a 503 that keeps and starts nothing; PostgreSQL back: the same order is taken and completes', async () => {
    const key = `outage-db-${randomUUID()}`;
    const since = new Date();
    await pg.stop();

    const readiness = await distributor().get('/health/ready');
    expectUnavailable('GET /health/ready', readiness, 'database');
    expect(readiness.body.down).toEqual(['database']);
    expect(readiness.body.checks).toMatchObject({ database: { status: 'down' }, temporal: { status: 'up' } });
    expect((await distributor().get('/health')).status).toBe(503);
    expect((await distributor().get('/health/live')).status).toBe(200);
    expectUnavailable('POST /purchase-orders', await submit(key), 'database');
    const { lines: _inTheFile, ...terms } = order(key);
    const upload = await stack.as(buyerId).distributor
      .post('/purchase-orders/csv')
      .attach('lines', Buffer.from('sku,quantity\nNUT-M8,10\n', 'utf8'), { filename: 'order.csv', contentType: 'text/csv' })
      .field('order', JSON.stringify(terms));
    expectUnavailable('POST /purchase-orders/csv', upload, 'database');
    expect(await startedSince(since)).toEqual([]);

    pg = await runDependency('postgres', join(scratch, 'postgres'), pg.port);
    expect(await rowsWithKey(key)).toEqual([]);
    await ready();
    const taken = await submit(key).expect(201);
    const orderId = taken.body.orderId as string;
    expect(await rowsWithKey(key)).toEqual([{ order_id: orderId }]);
    expect(await startedSince(since)).toEqual([`order:${orderId}`]);
    const confirmed = await eventually('the confirmation', async () => {
      const v = await view(orderId);
      return v.waitingFor.some((w) => w.kind === 'payment') ? v : undefined;
    }, 60_000);
    await stack.as(buyerId).buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
      .expect(200);
    expect((await stack.temporal.workflow.getHandle(`order:${orderId}`).result()).status).toBe('completed');
  });

  it('with Temporal stopped: not ready (temporal), still live, a purchase order is a 503 that keeps nothing; a new Temporal server: the same order starts', async () => {
    const key = `outage-temporal-${randomUUID()}`;
    await temporal.stop();

    const readiness = await distributor().get('/health/ready');
    expectUnavailable('GET /health/ready', readiness, 'temporal');
    expect(readiness.body.down).toEqual(['temporal']);
    expect((await distributor().get('/health/live')).status).toBe(200);
    expectUnavailable('POST /purchase-orders', await submit(key), 'temporal');
    expect(await rowsWithKey(key)).toEqual([]);

    temporal = await runDependency('temporal', join(scratch, 'temporal-2.log'), temporal.port);
    await ready();
    const taken = await submit(key).expect(201);
    const orderId = taken.body.orderId as string;
    expect(await rowsWithKey(key)).toEqual([{ order_id: orderId }]);
    // The workers' connections came back too: the order's first activity asks its supplier.
    const inquiries = await eventually('the order to ask its supplier', async () => {
      const { rows } = await stack.db.query(`SELECT supplier_id FROM supplier.stock_inquiries WHERE order_id = $1`, [orderId]);
      return rows.length > 0 ? rows : undefined;
    }, 60_000);
    expect(inquiries.length).toBeGreaterThan(0);
    keptOrderId = orderId;
  });

  it('ends an order workflow that has no purchase order row (what a crash between start and commit leaves), and no other', async () => {
    const { rows } = await stack.db.query(`SELECT "order" FROM distributor.purchase_orders WHERE order_id = $1`, [keptOrderId]);
    const unkept = { ...rows[0].order, orderId: randomUUID() };
    await stack.temporal.workflow.start('orderWorkflow', {
      workflowId: `order:${unkept.orderId}`,
      taskQueue: `${stack.taskQueuePrefix}distributor`,
      args: [unkept],
    });
    // The sweep leaves workflows younger than a minute alone (their row may be about to commit): look from later.
    const later = new Date(Date.now() + 2 * 60_000);
    const ended = await stack.apps.distributor.get(PurchaseOrdersService).unkeptOrders.sweep(later);
    expect(ended).toEqual([`order:${unkept.orderId}`]);
    const status = async (orderId: string) => (await stack.temporal.workflow.getHandle(`order:${orderId}`).describe()).status.name;
    expect(await status(unkept.orderId)).toBe('TERMINATED');
    expect(await status(keptOrderId)).not.toBe('TERMINATED');
  });
});
