import type { OrderView } from '@tradelane/contracts';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, orderViewWhen, startStack, type Stack } from '../support/stack';

interface ShippingInquiryItem {
  inquiryId: string;
  orderId: string;
  carrierId: string;
  status: string;
}

const OMAR = { email: 'omar@rhein-freight.example' };

interface TransportNoticeItem {
  noticeId: string;
  orderId: string;
  carrierId: string;
  status: string;
}

/**
 * Suppliers answer from stock; the carriers' desks are people. The cheaper carrier is booked,
 * its desk rejects the shipment, and the order books the next best quote instead.
 */
describe('a carrier that rejects the transport notice', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await answerAutomatically(stack);
    // A carrier's answer mode covers quotes and transport notices alike: people do both here.
    await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'manual'`);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const itemsOf = async <T extends { orderId: string }>(kind: 'shipping-inquiries' | 'transport-notices', orderId: string) => {
    const all: T[] = [];
    for (const carrierId of ['rhein-freight', 'baltic-lines']) {
      const res = await stack.as(carrierId).carrier.get(`/carriers/${carrierId}/${kind}`).expect(200);
      all.push(...(res.body as T[]).filter((i) => i.orderId === orderId));
    }
    return all;
  };

  it('is replaced by the next best carrier, and the order completes with it', async () => {
    const buyer = stack.as('muster-maschinenbau');
    // BOLT-M8 comes from acme-steel in DE-HAM, which both carriers serve.
    const submitted = await buyer.distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'BOLT-M8', quantity: 100 }])).expect(201);
    const orderId: string = submitted.body.orderId;
    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
    const viewWhen = orderViewWhen(stack, submitted.body.workflowId);

    const inquiries = await eventually('both carriers asked to quote', async () => {
      const open = (await itemsOf<ShippingInquiryItem>('shipping-inquiries', orderId)).filter((i) => i.status === 'open');
      return open.length === 2 ? open : undefined;
    });
    expect(inquiries.map((i) => i.carrierId).sort()).toEqual(['baltic-lines', 'rhein-freight']);
    const quotes: Record<string, { price: { amountMinor: number } }> = {};
    for (const inquiry of inquiries) {
      const res = await stack.as(inquiry.carrierId).carrier.post(`/shipping-inquiries/${inquiry.inquiryId}/quote`).send({}).expect(200);
      quotes[inquiry.carrierId] = res.body;
    }
    // rhein-freight's domestic rate is the cheaper one, so it is booked first.
    expect(quotes['rhein-freight'].price.amountMinor).toBeLessThan(quotes['baltic-lines'].price.amountMinor);

    const first = await viewWhen('the first booking', (v) => v.bookings.length === 1);
    expect(first.bookings).toEqual([expect.objectContaining({ originCode: 'DE-HAM', carrierId: 'rhein-freight', status: 'awaiting-acceptance' })]);
    const amountDue = first.confirmation!.amountDue;
    const rheinNotice = await eventually('the transport notice at rhein-freight', async () => {
      const notices = await itemsOf<TransportNoticeItem>('transport-notices', orderId);
      return notices.find((n) => n.carrierId === 'rhein-freight' && n.status === 'open');
    });
    expect(rheinNotice.noticeId).toBe(first.bookings[0].noticeId);

    // Omar at rhein-freight's desk, signed in: the rejection names him from his token.
    const rejection = await stack.as('rhein-freight', undefined, OMAR).carrier
      .post(`/transport-notices/${rheinNotice.noticeId}/reject`)
      .send({ reason: 'no truck free on the pickup date' })
      .expect(200);
    expect(rejection.body.rejectedBy).toBe(OMAR.email);

    const rebooked = await viewWhen('the booking with baltic-lines', (v) => v.bookings.some((b) => b.carrierId === 'baltic-lines'));
    expect(rebooked.bookings).toEqual([
      expect.objectContaining({ originCode: 'DE-HAM', carrierId: 'baltic-lines', status: 'awaiting-acceptance', price: quotes['baltic-lines'].price }),
    ]);
    expect(rebooked.status).toBe('awaiting-transport-and-payment');

    // The order cancels the booking as soon as it takes the rejection; the carrier's record still
    // says who would not take it and why.
    const rejected = await stack.db.query(
      `SELECT status, rejected_by, rejection_reason FROM carrier.transport_notices WHERE notice_id = $1`,
      [rheinNotice.noticeId],
    );
    expect(rejected.rows).toEqual([{ status: 'rejected', rejected_by: OMAR.email, rejection_reason: 'no truck free on the pickup date' }]);
    const rheinInquiry = inquiries.find((i) => i.carrierId === 'rhein-freight')!;
    const withdrawn = await stack.db.query(`SELECT status FROM carrier.shipping_inquiries WHERE inquiry_id = $1`, [rheinInquiry.inquiryId]);
    expect(withdrawn.rows).toEqual([{ status: 'withdrawn' }]);

    const balticNotice = await eventually('the transport notice at baltic-lines', async () => {
      const notices = await itemsOf<TransportNoticeItem>('transport-notices', orderId);
      return notices.find((n) => n.carrierId === 'baltic-lines' && n.status === 'open');
    });
    expect(balticNotice.noticeId).toBe(rebooked.bookings[0].noticeId);

    const messages: { name: string; receiver: { id: string }; payload: unknown }[] =
      (await buyer.distributor.get(`/orders/${orderId}/messages`).expect(200)).body;
    const booking = messages.filter((m) => m.name === 'rebooking' || m.name === 'transport-notice');
    expect(booking.map((m) => `${m.name} -> ${m.receiver.id}`)).toEqual([
      'transport-notice -> rhein-freight',
      'rebooking -> baltic-lines',
      'transport-notice -> baltic-lines',
    ]);
    expect(booking[1].payload).toEqual(
      expect.objectContaining({ origin: 'DE-HAM', from: 'rhein-freight', to: 'baltic-lines', reason: expect.stringContaining(`rejected by ${OMAR.email}`) }),
    );

    const accepted = await stack.as('baltic-lines').carrier.post(`/transport-notices/${balticNotice.noticeId}/accept`).expect(200);
    expect(accepted.body.acceptedBy).toBe('api-key:test');
    const paid = await buyer.buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: amountDue.amountMinor, currency: amountDue.currency })
      .expect(200);
    expect(paid.body.paidBy).toBe('api-key:test');

    const final: OrderView = await handle.result();
    expect(final.status).toBe('completed');
    // The auditor's timeline names who rejected, in the rebooking the rejection set off.
    const timeline: { name: string; summary: string }[] = (await stack.as('tradelane-audit').distributor.get(`/audit/orders/${orderId}/timeline`).expect(200)).body;
    expect(timeline.filter((e) => e.name === 'rebooking').map((e) => e.summary)).toEqual([
      `rebooking from DE-HAM: rhein-freight → baltic-lines (rejected by ${OMAR.email}: no truck free on the pickup date)`,
    ]);
    expect(final.bookings).toEqual([expect.objectContaining({ carrierId: 'baltic-lines', status: 'accepted', noticeId: balticNotice.noticeId })]);
    expect(final.transfer!.amount).toEqual(amountDue);
    const notices = await stack.db.query(
      `SELECT carrier_id, status FROM carrier.transport_notices WHERE order_id = $1 ORDER BY received_at`,
      [orderId],
    );
    expect(notices.rows).toEqual([
      { carrier_id: 'rhein-freight', status: 'rejected' },
      { carrier_id: 'baltic-lines', status: 'accepted' },
    ]);
    // The supplier hands the goods to the carrier that accepted, not the one that rejected.
    const dispatches = await stack.db.query(`SELECT carrier_id FROM supplier.dispatch_notices WHERE order_id = $1`, [orderId]);
    expect(dispatches.rows).toEqual([{ carrier_id: 'baltic-lines' }]);
    // A rejection to a booking that is no longer open is refused, and changes nothing.
    await stack.as('baltic-lines').carrier.post(`/transport-notices/${balticNotice.noticeId}/reject`).send({ reason: 'too late' }).expect(409);
  });
});
