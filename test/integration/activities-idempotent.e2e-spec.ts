import { randomUUID } from 'node:crypto';
import type { DispatchNotice, OrderConfirmation, PaymentNotice, StockInquiry, TransportNotice } from '@tradelane/contracts';
import { BuyerActivities } from '../../apps/buyer/src/activities/buyer.activities';
import { CarrierActivities } from '../../apps/carrier/src/activities/carrier.activities';
import { DistributorActivities } from '../../apps/distributor/src/activities/distributor.activities';
import { OrderMessagesService } from '../../apps/distributor/src/order-messages/order-messages.service';
import { PaymentGatewayActivities } from '../../apps/payment-gateway/src/activities/payment-gateway.activities';
import { SupplierActivities } from '../../apps/supplier/src/activities/supplier.activities';
import { answerAutomatically, startStack, type Stack } from '../support/stack';

/** A retried activity (Temporal retries, or a worker that crashed mid-way) must change nothing the second time. */
describe('every party activity, delivered twice', () => {
  let stack: Stack;
  const orderId = randomUUID();
  beforeAll(async () => {
    stack = await startStack();
    await answerAutomatically(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const count = async (table: string) =>
    (await stack.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE order_id = $1`, [orderId])).rows[0].n;
  const twice = async <T>(fn: () => Promise<T>): Promise<[T, T]> => [await fn(), await fn()];

  it('stock inquiry: one record, the same answer', async () => {
    const supplier = stack.apps.supplier.get(SupplierActivities);
    const inquiry: StockInquiry = { inquiryId: randomUUID(), orderId, supplierId: 'acme-steel', currency: 'EUR', lines: [{ lineNo: 1, sku: 'BOLT-M8', quantity: 5 }] };
    const [first, second] = await twice(() => supplier.receiveStockInquiry(inquiry));
    expect(second).toEqual(first);
    expect(await count('supplier.stock_inquiries')).toBe(1);
  });

  it('dispatch notice: stock goes down once', async () => {
    const supplier = stack.apps.supplier.get(SupplierActivities);
    const onHand = async () =>
      (await stack.db.query(`SELECT on_hand::int AS n FROM supplier.stock_items WHERE supplier_id = 'acme-steel' AND sku = 'NUT-M8'`)).rows[0].n;
    const before = await onHand();
    const notice: DispatchNotice = { noticeId: randomUUID(), orderId, supplierId: 'acme-steel', inquiryId: randomUUID(), carrierId: 'rhein-freight', pickupDate: '2030-01-05', lines: [{ lineNo: 2, sku: 'NUT-M8', quantity: 7 }] };
    await twice(() => supplier.receiveDispatchNotice(notice));
    expect(await onHand()).toBe(before - 7);
    expect(await count('supplier.stock_movements')).toBe(1);
  });

  it('shipping inquiry and transport notice: one record each, the same reply', async () => {
    const carrier = stack.apps.carrier.get(CarrierActivities);
    const destination = { name: 'n', line1: 'l', city: 'Köln', postalCode: '50667', country: 'DE' };
    const inquiryId = randomUUID();
    const fixed = { inquiryId, orderId, carrierId: 'rhein-freight', origin: { code: 'DE-HAM', country: 'DE' }, destination, weightGrams: 1000, lineCount: 1, readyDate: '2030-01-05', wantedBy: '2030-02-01', currency: 'EUR' };
    const [a, b] = await twice(() => carrier.receiveShippingInquiry(fixed));
    expect(b).toEqual(a);
    const notice: TransportNotice = { noticeId: randomUUID(), orderId, carrierId: 'rhein-freight', inquiryId, origin: fixed.origin, destination, pickupDate: '2030-01-05', deliveryDate: '2030-01-08', price: { amountMinor: 100, currency: 'EUR' } };
    const [n1, n2] = await twice(() => carrier.receiveTransportNotice(notice));
    expect(n2).toEqual(n1);
    expect(await count('carrier.transport_notices')).toBe(1);
  });

  it('order confirmation: one record', async () => {
    const buyer = stack.apps.buyer.get(BuyerActivities);
    const confirmation: OrderConfirmation = { orderId, buyerId: 'b1', lines: [], freight: [], goods: { amountMinor: 0, currency: 'EUR' }, amountDue: { amountMinor: 500, currency: 'EUR' }, deliveryDate: '2030-01-08', confirmedAt: 'now' };
    await twice(() => buyer.receiveOrderConfirmation(confirmation));
    expect(await count('buyer.order_confirmations')).toBe(1);
  });

  it('payment notice: one payment, one transfer, the same transfer notice, a balanced ledger', async () => {
    const gateway = stack.apps['payment-gateway'].get(PaymentGatewayActivities);
    const notice: PaymentNotice = { orderId, buyerId: 'b1', amount: { amountMinor: 500, currency: 'EUR' }, paymentReference: 'r', paidBy: 'x' };
    const [t1, t2] = await twice(() => gateway.receivePaymentNotice(notice));
    expect(t2).toEqual(t1);
    expect(await count('payment_gateway.payments')).toBe(1);
    expect(await count('payment_gateway.transfers')).toBe(1);
    expect(await count('payment_gateway.ledger_entries')).toBe(4);
    const balance = (await stack.as('tradelane-pay')['payment-gateway'].get('/ledger/balance').expect(200)).body;
    expect(balance).toEqual([expect.objectContaining({ balanced: true, debitsMinor: 1000, creditsMinor: 1000 })]);
  });

  it('recorded message: a retry adds nothing; other content under a taken number is added after, not dropped', async () => {
    const distributor = stack.apps.distributor.get(DistributorActivities);
    const messages = stack.apps.distributor.get(OrderMessagesService);
    const message = { orderId, seq: 1, step: 1, name: 'purchase-order' as const, sender: { role: 'buyer' as const, id: 'b1' }, receiver: { role: 'distributor' as const, id: 'tradelane' }, sentAt: new Date().toISOString(), payload: { v: 1 } };
    await distributor.recordMessages([message]);
    await distributor.recordMessages([message]);
    expect(await messages.forOrder(orderId)).toEqual([expect.objectContaining({ seq: 1, payload: { v: 1 } })]);
    await distributor.recordMessages([{ ...message, payload: { v: 2 } }]);
    expect((await messages.forOrder(orderId)).map((e) => [e.seq, e.payload])).toEqual([[1, { v: 1 }], [2, { v: 2 }]]);
  });

  it('recorded batch: a workflow task attempt that timed out after its write, retried with an update that came meanwhile, loses and doubles nothing', async () => {
    const distributor = stack.apps.distributor.get(DistributorActivities);
    const messages = stack.apps.distributor.get(OrderMessagesService);
    const order = randomUUID();
    const at = (ms: number) => new Date(Date.parse('2026-12-02T12:00:00.000Z') + ms).toISOString();
    const gateway = { role: 'payment-gateway' as const, id: 'tradelane-pay' };
    const carrier = { role: 'carrier' as const, id: 'baltic-lines' };
    const us = { role: 'distributor' as const, id: 'tradelane' };
    const entry = (seq: number, name: 'payment-notice' | 'transfer-notice' | 'transport-acceptance' | 'dispatch-notice', sender: typeof gateway | typeof carrier | typeof us, sentAt: string) =>
      ({ orderId: order, seq, step: null, name, sender, receiver: us, sentAt, payload: { name } });
    await distributor.recordMessages([entry(1, 'payment-notice', gateway, at(0))]);
    // The attempt that timed out had only the transfer notice as entry 2, and wrote it.
    await distributor.recordMessages([entry(2, 'transfer-notice', gateway, at(1000))]);
    // Its retry, started later, took the carrier's acceptance in first.
    const retry = [entry(2, 'transport-acceptance', carrier, at(12_000)), entry(3, 'transfer-notice', gateway, at(12_000)), entry(4, 'dispatch-notice', us, at(12_000))];
    const head = await distributor.recordMessages(retry);
    const again = await distributor.recordMessages(retry);
    const log = await messages.forOrder(order);
    expect(log.map((e) => [e.seq, e.name])).toEqual([[1, 'payment-notice'], [2, 'transfer-notice'], [3, 'transport-acceptance'], [4, 'dispatch-notice']]);
    log.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? null : log[i - 1].hash));
    expect(head).toEqual({ orderId: order, seq: 4, hash: log[3].hash });
    expect(again).toEqual(head);
  });

  it('recorded batch: a retry that overlaps writes only what is missing, and each entry chains the one before', async () => {
    const distributor = stack.apps.distributor.get(DistributorActivities);
    const messages = stack.apps.distributor.get(OrderMessagesService);
    const batchOrder = randomUUID();
    const entry = (seq: number) => ({ orderId: batchOrder, seq, step: null, name: 'reminder' as const, sender: { role: 'distributor' as const, id: 'tradelane' }, receiver: { role: 'buyer' as const, id: 'b1' }, sentAt: new Date().toISOString(), payload: { seq } });
    await distributor.recordMessages([entry(1), entry(2)]);
    await distributor.recordMessages([entry(4), entry(2), entry(3)]);
    const log = await messages.forOrder(batchOrder);
    expect(log.map((e) => e.payload)).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }, { seq: 4 }]);
    expect(new Set(log.map((e) => e.hash)).size).toBe(4);
    log.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? null : log[i - 1].hash));
    // A batch that overtook the one before it is refused (and retried), never written with a broken chain.
    await expect(distributor.recordMessages([entry(6), entry(7)])).rejects.toThrow(/entry 5 is not recorded yet/);
    expect(await messages.forOrder(batchOrder)).toHaveLength(4);
  });
});
