import { randomUUID } from 'node:crypto';
import type { OrderView } from '@tradelane/contracts';
import { SIGNATURE_HEADER, signWebhook } from '@tradelane/platform';
import { orderViewQuery } from '@tradelane/workflows';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';

/**
 * What real orders bring, on the real stack: bulk orders split across suppliers and origins,
 * partial fills under each policy, a declined payment, buyer cancellations, and transfer
 * notices delivered twice or forged. Each test asserts on what users would see.
 */
describe('real orders', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await answerAutomatically(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const view = (orderId: string): Promise<OrderView> => stack.temporal.workflow.getHandle(`order:${orderId}`).query(orderViewQuery);
  const until = (orderId: string, what: string, ok: (v: OrderView) => boolean, timeoutMs?: number) =>
    eventually(what, async () => {
      const v = await view(orderId);
      return ok(v) ? v : undefined;
    }, timeoutMs);
  const awaitingPayment = (v: OrderView) => v.waitingFor.some((w) => w.kind === 'payment');
  /** Each order is submitted, paid and cancelled by its own buyer. */
  const submit = async (body: { buyerId: string; [field: string]: unknown }): Promise<string> =>
    (await stack.as(body.buyerId).distributor.post('/purchase-orders').send(body).expect(201)).body.orderId;
  const pay = (orderId: string, v: OrderView) =>
    stack.as(v.buyerId).buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: v.confirmation!.amountDue.amountMinor, currency: 'EUR' });
  const result = (orderId: string): Promise<OrderView> => stack.temporal.workflow.getHandle(`order:${orderId}`).result();

  /** A SKU only one supplier offers, with the stock it has; returns the SKU. */
  async function offer(sku: string, supplierId: 'acme-steel' | 'nordic-parts', onHand: number, priceMinor = 100) {
    await stack.db.query(`INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams) VALUES ($1, $1, 50)`, [sku]);
    await stack.db.query(
      `INSERT INTO distributor.catalogue_offers (sku, supplier_id, unit_price_minor, currency, lead_days, published_available)
       VALUES ($1, $2, $3, 'EUR', 2, $4)`,
      [sku, supplierId, priceMinor, onHand],
    );
    await stack.db.query(
      `INSERT INTO supplier.stock_items (supplier_id, sku, on_hand, unit_price_minor, currency) VALUES ($1, $2, $3, $4, 'EUR')`,
      [supplierId, sku, onHand, priceMinor],
    );
    return sku;
  }
  const onHand = async (sku: string) =>
    (await stack.db.query(`SELECT sum(on_hand)::int AS n FROM supplier.stock_items WHERE sku = $1`, [sku])).rows[0].n as number;
  /** What an order still holds anywhere: stock, bookings, money. */
  async function heldBy(orderId: string) {
    const q = async (sql: string) => (await stack.db.query(sql, [orderId])).rows[0].n as number;
    return {
      reservations: await q(`SELECT count(*)::int AS n FROM supplier.stock_reservations WHERE order_id = $1 AND status IN ('held', 'dispatched')`),
      openStockInquiries: await q(`SELECT count(*)::int AS n FROM supplier.stock_inquiries WHERE order_id = $1 AND status = 'open'`),
      liveShippingInquiries: await q(`SELECT count(*)::int AS n FROM carrier.shipping_inquiries WHERE order_id = $1 AND status IN ('open', 'quoted')`),
      bookings: await q(`SELECT count(*)::int AS n FROM carrier.transport_notices WHERE order_id = $1 AND status IN ('open', 'accepted')`),
    };
  }
  const nothingHeld = { reservations: 0, openStockInquiries: 0, liveShippingInquiries: 0, bookings: 0 };
  const ledgerBalanced = async () => (await stack.as('tradelane-pay')['payment-gateway'].get('/ledger/check').expect(200)).body.balanced;

  it('splits a 1,000-line order across two suppliers, ships it from two origins, and completes', async () => {
    const skus: string[] = [];
    for (let i = 0; i < 1000; i++) skus.push(`BULK-${i % 2 ? 'N' : 'A'}-${String(i).padStart(4, '0')}`);
    await stack.db.query(
      `INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams) SELECT s, s, 10 FROM unnest($1::text[]) s`,
      [skus],
    );
    await stack.db.query(
      `INSERT INTO distributor.catalogue_offers (sku, supplier_id, unit_price_minor, currency, lead_days, published_available)
       SELECT s, CASE WHEN s LIKE 'BULK-A-%' THEN 'acme-steel' ELSE 'nordic-parts' END, 7, 'EUR', 2, 100 FROM unnest($1::text[]) s`,
      [skus],
    );
    await stack.db.query(
      `INSERT INTO supplier.stock_items (supplier_id, sku, on_hand, unit_price_minor, currency)
       SELECT CASE WHEN s LIKE 'BULK-A-%' THEN 'acme-steel' ELSE 'nordic-parts' END, s, 100, 7, 'EUR' FROM unnest($1::text[]) s`,
      [skus],
    );
    const orderId = await submit(purchaseOrder(skus.map((sku) => ({ sku, quantity: 3 }))));
    const confirmed = await until(orderId, 'the bulk order confirmation', awaitingPayment, 90_000);
    expect(confirmed.confirmation!.lines).toHaveLength(1000);
    expect(confirmed.confirmation!.goods).toEqual({ amountMinor: 1000 * 3 * 7, currency: 'EUR' });
    expect(confirmed.confirmation!.freight.map((f) => f.origin).sort()).toEqual(['DE-HAM', 'SE-GOT']);
    await pay(orderId, confirmed).expect(200);
    const final = await result(orderId);
    expect(final.status).toBe('completed');

    const inquiries = await stack.db.query(
      `SELECT supplier_id, jsonb_array_length(lines) AS n FROM supplier.stock_inquiries WHERE order_id = $1 ORDER BY supplier_id`,
      [orderId],
    );
    expect(inquiries.rows).toEqual([
      { supplier_id: 'acme-steel', n: 500 },
      { supplier_id: 'nordic-parts', n: 500 },
    ]);
    const stock = await stack.db.query(
      `SELECT count(*)::int AS n FROM supplier.stock_items WHERE sku LIKE 'BULK-%' AND on_hand = 97`,
    );
    expect(stock.rows[0].n).toBe(1000);
    const booked = await stack.db.query(
      `SELECT notice->'origin'->>'code' AS origin FROM carrier.transport_notices WHERE order_id = $1 AND status = 'accepted' ORDER BY 1`,
      [orderId],
    );
    expect(booked.rows.map((r: { origin: string }) => r.origin)).toEqual(['DE-HAM', 'SE-GOT']);
    expect(await ledgerBalanced()).toBe(true);
  });

  describe('a supplier that commits less than asked', () => {
    it('cancels under the cancel policy and holds nothing', async () => {
      const sku = await offer('PART-CANCEL', 'acme-steel', 5);
      const orderId = await submit({ ...purchaseOrder([{ sku, quantity: 8 }]), partialFill: 'cancel' });
      const final = await result(orderId);
      expect(final.status).toBe('cancelled');
      expect(final.partialFill).toMatchObject({ policy: 'cancel', shortLines: [{ sku, asked: 8, committed: 5 }] });
      expect(await heldBy(orderId)).toEqual(nothingHeld);
      expect(await onHand(sku)).toBe(5);
    });

    it('ships what was committed under the accept policy', async () => {
      const sku = await offer('PART-ACCEPT', 'acme-steel', 5);
      const orderId = await submit({ ...purchaseOrder([{ sku, quantity: 8 }, { sku: 'NUT-M8', quantity: 10 }]), partialFill: 'accept' });
      const confirmed = await until(orderId, 'the partial confirmation', awaitingPayment);
      expect(confirmed.confirmation!.lines.map((l) => [l.sku, l.quantity])).toEqual([[sku, 5], ['NUT-M8', 10]]);
      await pay(orderId, confirmed).expect(200);
      expect((await result(orderId)).status).toBe('completed');
      expect(await onHand(sku)).toBe(0);
    });

    it('ships what was committed and places a back-order for the rest under the back-order policy', async () => {
      const sku = await offer('PART-BACK', 'acme-steel', 5);
      const orderId = await submit({ ...purchaseOrder([{ sku, quantity: 8 }]), partialFill: 'back-order' });
      const confirmed = await until(orderId, 'the back-order', (v) => awaitingPayment(v) && v.partialFill?.backOrderId !== undefined);
      expect(confirmed.confirmation!.lines.map((l) => [l.sku, l.quantity])).toEqual([[sku, 5]]);
      const backOrder = await stack.db.query(`SELECT "order" FROM distributor.purchase_orders WHERE order_id = $1`, [
        confirmed.partialFill!.backOrderId,
      ]);
      expect(backOrder.rows[0].order).toMatchObject({ backOrderOf: orderId, lines: [{ lineNo: 1, sku, quantity: 3 }] });
      const messages = await stack.as('muster-maschinenbau').distributor.get(`/orders/${orderId}/messages`).expect(200);
      expect(messages.body.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['partial-fill-decision', 'back-order']));
      await pay(orderId, confirmed).expect(200);
      expect((await result(orderId)).status).toBe('completed');
    });
  });

  it('undoes everything when the payment is declined: stock back, bookings cancelled, no money kept', async () => {
    const sku = await offer('PART-DECLINE', 'nordic-parts', 50);
    await stack.as('tradelane-pay')['payment-gateway'].put('/payer-accounts/broke-gmbh').send({ creditLimitMinor: 100, currency: 'EUR' }).expect(200);
    const orderId = await submit({ ...purchaseOrder([{ sku, quantity: 20 }]), buyerId: 'broke-gmbh' });
    const confirmed = await until(orderId, 'the confirmation', awaitingPayment);
    // Released to the carrier once it accepted the booking.
    await eventually('the dispatch', async () => ((await onHand(sku)) === 30 ? true : undefined));
    await pay(orderId, confirmed).expect(200);
    const final = await result(orderId);
    expect(final.status).toBe('cancelled');
    expect(final.cancellation!.reason).toMatch(/^payment declined/);
    expect(final.compensations.map((c) => c.kind)).toEqual([
      'refund-payment',
      'recall-dispatch',
      'cancel-transport',
      'withdraw-shipping-inquiry',
      'withdraw-stock-inquiry',
    ]);
    expect(final.compensations.every((c) => c.status === 'done')).toBe(true);
    expect(await onHand(sku)).toBe(50);
    expect(await heldBy(orderId)).toEqual({ ...nothingHeld });
    const payments = await stack.db.query(`SELECT status FROM payment_gateway.payments WHERE order_id = $1`, [orderId]);
    expect(payments.rows).toEqual([{ status: 'declined' }]);
    expect(await ledgerBalanced()).toBe(true);
  });

  describe('the buyer cancels', () => {
    /** Maria in procurement, signed in: the cancellation names her from her token. */
    const MARIA = { email: 'maria@muster.example' };
    const cancel = (orderId: string) =>
      stack.as('muster-maschinenbau', undefined, MARIA).distributor.post(`/orders/${orderId}/cancel`).send({ reason: 'project stopped' });

    it('while suppliers are asked: inquiries withdrawn, nothing reserved', async () => {
      await stack.db.query(`UPDATE supplier.suppliers SET answer_mode = 'manual' WHERE id = 'acme-steel'`);
      try {
        const orderId = await submit(purchaseOrder([{ sku: 'BEAM-200', quantity: 2 }]));
        await until(orderId, 'the stock inquiry', (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
        await cancel(orderId).expect(202);
        const final = await result(orderId);
        expect(final.status).toBe('cancelled');
        expect(final.cancellation).toMatchObject({ requestedBy: MARIA.email });
        expect(await heldBy(orderId)).toEqual(nothingHeld);
        const inquiries = await stack.db.query(`SELECT status FROM supplier.stock_inquiries WHERE order_id = $1`, [orderId]);
        expect(inquiries.rows).toEqual([{ status: 'withdrawn' }]);
      } finally {
        await stack.db.query(`UPDATE supplier.suppliers SET answer_mode = 'automatic' WHERE id = 'acme-steel'`);
      }
    });

    it('while carriers quote: reserved stock released, shipping inquiries withdrawn', async () => {
      const sku = await offer('PART-QUOTING', 'acme-steel', 10);
      await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'manual'`);
      try {
        const orderId = await submit(purchaseOrder([{ sku, quantity: 4 }]));
        await until(orderId, 'the shipping inquiries', (v) => v.waitingFor.some((w) => w.kind === 'shipping-quote'));
        const reserved = await stack.db.query(
          `SELECT sum(quantity)::int AS n FROM supplier.stock_reservations WHERE order_id = $1 AND status = 'held'`,
          [orderId],
        );
        expect(reserved.rows[0].n).toBe(4);
        await cancel(orderId).expect(202);
        expect((await result(orderId)).status).toBe('cancelled');
        expect(await heldBy(orderId)).toEqual(nothingHeld);
        expect(await onHand(sku)).toBe(10);
      } finally {
        await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'automatic'`);
      }
    });

    it('once confirmed, while the carrier has not accepted: booking cancelled, stock released, nothing paid', async () => {
      const sku = await offer('PART-BOOKING', 'nordic-parts', 10);
      await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'manual'`);
      try {
        const orderId = await submit(purchaseOrder([{ sku, quantity: 3 }]));
        await until(orderId, 'the shipping inquiries', (v) => v.waitingFor.some((w) => w.kind === 'shipping-quote'));
        const open = await stack.db.query(`SELECT inquiry_id, carrier_id FROM carrier.shipping_inquiries WHERE order_id = $1`, [orderId]);
        for (const { inquiry_id, carrier_id } of open.rows) {
          await stack.as(carrier_id).carrier.post(`/shipping-inquiries/${inquiry_id}/quote`).send({}).expect(200);
        }
        await until(orderId, 'the transport notice', (v) => v.waitingFor.some((w) => w.kind === 'transport-acceptance'));
        await cancel(orderId).expect(202);
        const final = await result(orderId);
        expect(final.status).toBe('cancelled');
        expect(final.compensations.map((c) => c.kind)).toContain('cancel-transport');
        expect(await heldBy(orderId)).toEqual(nothingHeld);
        expect(await onHand(sku)).toBe(10);
        const paid = await stack.db.query(`SELECT count(*)::int AS n FROM payment_gateway.payments WHERE order_id = $1`, [orderId]);
        expect(paid.rows[0].n).toBe(0);
      } finally {
        await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'automatic'`);
      }
    });

    it('not once the goods are released for dispatch', async () => {
      const orderId = await submit(purchaseOrder([{ sku: 'NUT-M8', quantity: 1 }]));
      const confirmed = await until(orderId, 'the confirmation', awaitingPayment);
      await eventually('the dispatch notice', async () => {
        const sent = await stack.db.query(`SELECT 1 FROM supplier.dispatch_notices WHERE order_id = $1`, [orderId]);
        return sent.rowCount ? true : undefined;
      });
      const refused = await cancel(orderId).expect(409);
      expect(refused.body.detail).toMatch(/can no longer be cancelled/);
      await pay(orderId, confirmed).expect(200);
      expect((await result(orderId)).status).toBe('completed');
    });

    it("not once the order has finished: a 409 naming the order's state, while an order that never ran is a 404", async () => {
      const orderId = await submit(purchaseOrder([{ sku: 'NUT-M8', quantity: 1 }]));
      await pay(orderId, await until(orderId, 'the confirmation', awaitingPayment)).expect(200);
      expect((await result(orderId)).status).toBe('completed');

      const finished = {
        type: 'urn:tradelane:problem:order-state',
        status: 409,
        detail: `order ${orderId} is completed; it takes no more answers`,
        state: 'completed',
      };
      expect((await cancel(orderId).expect(409)).body).toMatchObject(finished);
      const decision = await stack.as('muster-maschinenbau').distributor
        .post(`/orders/${orderId}/decision`)
        .send({ decision: 'wait' })
        .expect(409);
      expect(decision.body).toMatchObject(finished);
      expect((await view(orderId)).status).toBe('completed');

      // Listed as the buyer's order, but no workflow was ever started for it.
      const neverRan = randomUUID();
      await stack.db.query(
        `INSERT INTO distributor.purchase_orders (order_id, buyer_id, body_hash, status, "order", submitted_at, updated_at)
         VALUES ($1, 'muster-maschinenbau', 'never-ran', 'submitted', $2, now(), now())`,
        [neverRan, JSON.stringify({ orderId: neverRan })],
      );
      const missing = await cancel(neverRan).expect(404);
      expect(missing.body).toMatchObject({ type: 'urn:tradelane:problem:not-found', detail: `no running or finished order order:${neverRan}` });
      expect(missing.body.state).toBeUndefined();
    });
  });

  it('applies a transfer notice delivered twice once, and refuses a forged one', async () => {
    const orderId = await submit(purchaseOrder([{ sku: 'BOLT-M8', quantity: 10 }]));
    const confirmed = await until(orderId, 'the confirmation', awaitingPayment);
    await pay(orderId, confirmed).expect(200);
    expect((await result(orderId)).status).toBe('completed');
    const [event] = (
      await stack.db.query(`SELECT event_id, status, body FROM distributor.transfer_notice_events WHERE order_id = $1`, [orderId])
    ).rows;
    expect(event.status).toBe('accepted');

    const body = JSON.stringify(event.body);
    const deliver = (signature: string) =>
      stack.as('tradelane-pay').distributor.post('/transfer-notices').set('content-type', 'application/json').set(SIGNATURE_HEADER, signature).send(body);
    const now = Math.floor(Date.now() / 1000);
    await deliver(signWebhook(process.env.TRANSFER_NOTICE_SECRET!, body, now)).expect(200);
    const forged = await deliver(signWebhook('not-the-secret-but-just-as-long-0123456789', body, now)).expect(401);
    expect(forged.headers['content-type']).toMatch(/problem\+json/);
    const stale = await deliver(signWebhook(process.env.TRANSFER_NOTICE_SECRET!, body, now - 3600)).expect(401);
    expect(stale.body.status).toBe(401);

    const transfers = await stack.db.query(
      `SELECT count(*)::int AS n FROM distributor.order_messages WHERE order_id = $1 AND name = 'transfer-notice'`,
      [orderId],
    );
    expect(transfers.rows[0].n).toBe(1);
    const events = await stack.db.query(`SELECT count(*)::int AS n FROM distributor.transfer_notice_events WHERE order_id = $1`, [orderId]);
    expect(events.rows[0].n).toBe(1);
    expect((await view(orderId)).transfer!.eventId).toBe(event.event_id);
  });
});
