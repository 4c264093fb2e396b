import { randomUUID } from 'node:crypto';
import type { OrderConfirmation, OrderView } from '@tradelane/contracts';
import { LISTENER_APPLICATION_NAME } from '@tradelane/platform';
import { OrderConfirmationsService } from '../../apps/buyer/src/order-confirmations/order-confirmations.service';
import { AUTOMATIC_TWO_LINE_ORDER_LOG, purchaseOrder } from '../support/purchase-orders';
import { startReplicas, type Replicas } from '../support/replicas';
import { answerAutomatically, eventually, type Stack } from '../support/stack';

const ORDERS = 24;
const BUYER = 'muster-maschinenbau';

/**
 * Two replicas of every service on one database and one Temporal server, their workers on the
 * same task queues: a burst of orders, sent to either replica, completes exactly once each.
 */
describe('two replicas of every service', () => {
  let system: Replicas;
  let confirmationOfTheBurst: OrderConfirmation;

  beforeAll(async () => {
    // A waiting request looks by itself only after an hour: within a test, only the notification
    // from the replica that stored the confirmation can wake it.
    process.env.CONFIRMATION_WAIT_RECHECK_SECONDS = '3600';
    try {
      system = await startReplicas();
    } finally {
      delete process.env.CONFIRMATION_WAIT_RECHECK_SECONDS;
    }
    await answerAutomatically(system.replicas[0]);
  });
  afterAll(async () => {
    await system?.close();
  });

  const replica = (i: number): Stack => system.replicas[i % 2];

  it(`completes a burst of ${ORDERS} orders exactly once each`, async () => {
    const db = replica(0).db;
    const stockBefore = await onHand(db);
    const submitted = await Promise.all(
      Array.from({ length: ORDERS }, (_, i) =>
        replica(i).as(BUYER).distributor
          .post('/purchase-orders')
          .send(purchaseOrder([{ sku: 'NUT-M8', quantity: 10 }, { sku: 'BEARING-6204', quantity: 2 }]))
          .expect(201)
          .then((res) => res.body as { orderId: string; workflowId: string }),
      ),
    );
    const orderIds = submitted.map((s) => s.orderId);

    // Each order is waited for and paid on the replica after the one it was submitted to.
    const finals = await Promise.all(
      submitted.map(async ({ orderId, workflowId }, i) => {
        const buyer = replica(i + 1).as(BUYER).buyer;
        const confirmation = await eventually(`the confirmation of order ${i}`, async () => {
          const res = await buyer.get(`/orders/${orderId}/confirmation`).set('Prefer', 'wait=20');
          return res.status === 200 ? (res.body as OrderConfirmation) : undefined;
        }, 90_000);
        await buyer
          .post(`/orders/${orderId}/payment-notice`)
          .send({ amountMinor: confirmation.amountDue.amountMinor, currency: 'EUR' })
          .expect(200);
        confirmationOfTheBurst = confirmation;
        return (await replica(i).temporal.workflow.getHandle(workflowId).result()) as OrderView;
      }),
    );
    expect(finals.map((f) => f.status)).toEqual(Array(ORDERS).fill('completed'));

    // Every message of each order's log, exactly once.
    const messages = await db.query(
      `SELECT order_id, name, count(*)::int AS n FROM distributor.order_messages WHERE order_id = ANY($1) GROUP BY 1, 2`,
      [orderIds],
    );
    const logs = new Map<string, Record<string, number>>(orderIds.map((id) => [id, {}]));
    for (const m of messages.rows) logs.get(m.order_id)![m.name] = m.n;
    expect([...logs.values()]).toEqual(Array(ORDERS).fill(AUTOMATIC_TWO_LINE_ORDER_LOG));
    // Stock held once and taken once per line.
    const held = await db.query(
      `SELECT order_id, supplier_id || ':' || sku AS sku, quantity::int AS quantity, status
         FROM supplier.stock_reservations WHERE order_id = ANY($1) ORDER BY 2`,
      [orderIds],
    );
    const taken = await db.query(
      `SELECT order_id, supplier_id || ':' || sku AS sku, delta::int AS delta, reason
         FROM supplier.stock_movements WHERE order_id = ANY($1) ORDER BY 2`,
      [orderIds],
    );
    for (const orderId of orderIds) {
      expect(held.rows.filter((r) => r.order_id === orderId).map(({ order_id: _, ...r }) => r)).toEqual([
        { sku: 'acme-steel:NUT-M8', quantity: 10, status: 'dispatched' },
        { sku: 'nordic-parts:BEARING-6204', quantity: 2, status: 'dispatched' },
      ]);
      expect(taken.rows.filter((r) => r.order_id === orderId).map(({ order_id: _, ...r }) => r)).toEqual([
        { sku: 'acme-steel:NUT-M8', delta: -10, reason: 'dispatch' },
        { sku: 'nordic-parts:BEARING-6204', delta: -2, reason: 'dispatch' },
      ]);
    }
    const stockAfter = await onHand(db);
    expect(stockBefore.get('acme-steel:NUT-M8')! - stockAfter.get('acme-steel:NUT-M8')!).toBe(ORDERS * 10);
    expect(stockBefore.get('nordic-parts:BEARING-6204')! - stockAfter.get('nordic-parts:BEARING-6204')!).toBe(ORDERS * 2);

    // One carrier booked per origin, one payment and one transfer per order.
    const bookings = await db.query(
      `SELECT order_id, count(*)::int AS n FROM carrier.transport_notices WHERE order_id = ANY($1) AND accepted_by IS NOT NULL GROUP BY 1`,
      [orderIds],
    );
    expect(bookings.rows.map((r) => r.n)).toEqual(Array(ORDERS).fill(2));
    for (const table of ['payments', 'transfers']) {
      const rows = await db.query(
        `SELECT order_id, count(*)::int AS n FROM payment_gateway.${table} WHERE order_id = ANY($1) GROUP BY 1`,
        [orderIds],
      );
      expect(rows.rows.map((r) => r.n)).toEqual(Array(ORDERS).fill(1));
    }
  });

  /**
   * Waits on replica A while replica B stores the confirmation. A waiting request looks one last
   * time when its wait is over, so it would find the confirmation then even without a
   * notification: what shows that the notification woke it is that it answered before its 20 s
   * were over (the recheck is an hour, see beforeAll).
   */
  async function waitOnAStoreOnB(): Promise<void> {
    const [a, b] = system.replicas;
    const orderId = randomUUID();
    const waitEnds = Date.now() + 20_000;
    const answered = a.as(BUYER).buyer.get(`/orders/${orderId}/confirmation`).set('Prefer', 'wait=20').then((res) => ({ res, at: Date.now() }));
    // Let A's request reach its wait before B stores the confirmation.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await b.apps.buyer.get(OrderConfirmationsService).receive({ ...confirmationOfTheBurst, orderId });
    const { res, at } = await answered;
    expect(res.status).toBe(200);
    expect(res.body.orderId).toBe(orderId);
    expect(waitEnds - at).toBeGreaterThan(5_000);
  }

  it('wakes a request waiting on one replica when the other stores the confirmation (Prefer: wait)', async () => {
    await waitOnAStoreOnB();
  });

  it('listens again after its connection to the database drops', async () => {
    const db = system.replicas[0].db;
    const listeners = `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`;
    const before = await db.query(listeners, [LISTENER_APPLICATION_NAME]);
    // One listening connection per buyer replica (no other service listens yet).
    expect(before.rowCount).toBe(2);
    await db.query(`SELECT pg_terminate_backend(pid) FROM (${listeners}) l`, [LISTENER_APPLICATION_NAME]);
    await eventually('both replicas listening again', async () => {
      const now = await db.query(listeners, [LISTENER_APPLICATION_NAME]);
      const fresh = now.rows.filter((r) => !before.rows.some((o) => o.pid === r.pid));
      return fresh.length === 2 ? fresh : undefined;
    });

    await waitOnAStoreOnB();
  });
});

async function onHand(db: Stack['db']): Promise<Map<string, number>> {
  const rows = await db.query(`SELECT supplier_id || ':' || sku AS sku, on_hand::int AS "onHand" FROM supplier.stock_items`);
  return new Map(rows.rows.map((r: { sku: string; onHand: number }) => [r.sku, r.onHand]));
}
