import { Worker } from '@temporalio/worker';
import type { OrderView } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { AUTOMATIC_TWO_LINE_ORDER_LOG, purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';
import { localActivityTypes } from '../support/histories';

/**
 * Suppliers and carriers that answer from their own data: the buyer's order and payment are the
 * only HTTP calls. Waiting and checking go through Temporal and the database, not the APIs.
 */
describe('an order with no person in the loop', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await answerAutomatically(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('completes on the buyer order and payment alone', async () => {
    const before = await stack.db.query(`SELECT supplier_id || ':' || sku AS sku, on_hand::int AS "onHand" FROM supplier.stock_items ORDER BY 1`);
    const submitted = await stack.as('muster-maschinenbau').distributor
      .post('/purchase-orders')
      .send(purchaseOrder([{ sku: 'NUT-M8', quantity: 1000 }, { sku: 'BEARING-6204', quantity: 40 }]))
      .expect(201);
    const orderId: string = submitted.body.orderId;
    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);

    const confirmed = await eventually('the order confirmation', async () => {
      const view = await handle.query(orderViewQuery);
      return view.status === 'awaiting-transport-and-payment' && view.waitingFor.some((w) => w.kind === 'payment')
        ? view
        : undefined;
    });
    const paid = await stack.as('muster-maschinenbau').buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
      .expect(200);
    // A machine's API key pays here: the payment names the key, as its token does.
    expect(paid.body.paidBy).toBe('api-key:test');

    const final: OrderView = await handle.result();
    expect(final.status).toBe('completed');
    expect(final.transfer!.amount).toEqual(confirmed.confirmation!.amountDue);

    const messages = await stack.db.query(
      `SELECT name, payload FROM distributor.order_messages WHERE order_id = $1 ORDER BY seq`,
      [orderId],
    );
    const counts: Record<string, number> = {};
    for (const m of messages.rows) counts[m.name] = (counts[m.name] ?? 0) + 1;
    expect(counts).toEqual(AUTOMATIC_TWO_LINE_ORDER_LOG);
    const answeredBy = messages.rows
      .filter((m: { name: string }) => m.name === 'stock-answer')
      .map((m: { payload: { answeredBy: string } }) => m.payload.answeredBy);
    expect(answeredBy).toEqual(['automatic', 'automatic']);
    const accepted = await stack.db.query(
      `SELECT DISTINCT accepted_by FROM carrier.transport_notices WHERE order_id = $1`,
      [orderId],
    );
    expect(accepted.rows).toEqual([{ accepted_by: 'automatic' }]);

    const after = await stack.db.query(
      `SELECT supplier_id || ':' || sku AS sku, on_hand::int AS "onHand" FROM supplier.stock_items ORDER BY 1`,
    );
    const delta = Object.fromEntries(
      after.rows.map((r: { sku: string; onHand: number }, i: number) => [r.sku, r.onHand - before.rows[i].onHand]),
    );
    // NUT-M8 from acme-steel, the cheaper of its two suppliers.
    expect(delta).toEqual({
      'acme-steel:BEAM-200': 0,
      'acme-steel:BOLT-M8': 0,
      'acme-steel:NUT-M8': -1000,
      'nordic-parts:BEARING-6204': -40,
      'nordic-parts:BOLT-M8': 0,
      'nordic-parts:GEAR-40': 0,
      'nordic-parts:NUT-M8': 0,
    });
    const payments = await stack.db.query(`SELECT amount_minor::int AS amount FROM payment_gateway.payments WHERE order_id = $1`, [orderId]);
    expect(payments.rows).toEqual([{ amount: confirmed.confirmation!.amountDue.amountMinor }]);

    // The recorded run is the one today's workflow code makes (throws on any nondeterminism).
    const history = await handle.fetchHistory();
    expect(history.events!.length).toBeGreaterThan(20);
    // The distributor's own steps ran as local activities (markers, no activity tasks), and every
    // party's terms came with the sourcing plan and the carrier choice: none was asked for alone.
    const scheduled = history.events!.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    expect(scheduled).not.toContain('planSourcing');
    expect(localActivityTypes(history)).toEqual(expect.arrayContaining(['planSourcing', 'chooseCarriers', 'recordMessages']));
    expect([...scheduled, ...localActivityTypes(history)]).not.toContain('partyTerms');
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! } }, history, handle.workflowId);
  });

  it('lets the buyer wait for its confirmation instead of polling (Prefer: wait)', async () => {
    const buyer = stack.as('muster-maschinenbau');
    const submitted = await buyer.distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'BOLT-M8', quantity: 10 }])).expect(201);
    // Sent at once: the order has not reached step 6 yet, so without the wait this is a 404.
    const waited = await buyer.buyer.get(`/orders/${submitted.body.orderId}/confirmation`).set('Prefer', 'wait=20').expect(200);
    expect(waited.body).toMatchObject({ orderId: submitted.body.orderId, amountDue: { currency: 'EUR' } });
    // Another buyer learns nothing by waiting; an operator sees it.
    await stack.as('zeta-werke', 'buyer').buyer.get(`/orders/${submitted.body.orderId}/confirmation`).set('Prefer', 'wait=1').expect(404);
    await stack.as('tradelane-ops').buyer.get(`/orders/${submitted.body.orderId}/confirmation`).expect(200);
  });

  it('cancels, taking nothing from stock, when a supplier cannot fill a line', async () => {
    const submitted = await stack.as('muster-maschinenbau').distributor
      .post('/purchase-orders')
      .send(purchaseOrder([{ sku: 'BEAM-200', quantity: 100000 }]))
      .expect(201);
    const final: OrderView = await stack.temporal.workflow.getHandle(submitted.body.workflowId).result();
    expect(final.status).toBe('cancelled');
    expect(final.cancellation!.reason).toContain('line 1 (BEAM-200)');
    const dispatched = await stack.db.query(`SELECT count(*)::int AS n FROM supplier.dispatch_notices WHERE order_id = $1`, [
      submitted.body.orderId,
    ]);
    expect(dispatched.rows[0].n).toBe(0);
    const cancelled = await stack.as('muster-maschinenbau').distributor.get('/orders').query({ buyerId: 'muster-maschinenbau', status: 'cancelled' }).expect(200);
    expect(cancelled.body.items.map((o: { orderId: string }) => o.orderId)).toEqual([submitted.body.orderId]);
    expect(cancelled.body.nextCursor).toBeNull();
    // The list leaves out the lines; GET /orders/:id has the whole order.
    expect(Object.keys(cancelled.body.items[0]).sort()).toEqual(
      ['backOrderOf', 'buyerId', 'currency', 'idempotencyKey', 'lineCount', 'orderId', 'status', 'submittedAt', 'updatedAt', 'wantedBy'],
    );
  });
});
