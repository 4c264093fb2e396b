import { randomUUID } from 'node:crypto';
import type { PartyRole } from '@tradelane/contracts';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';
import { purchaseOrder } from '../support/purchase-orders';
import { eventually, startStack, type Stack } from '../support/stack';

/** The people who act, each signed in as themselves: the order names them from their tokens. */
const JONAS = { email: 'jonas@muster.example' };
const ANNA = { email: 'anna@acme-steel.example' };
const SVEN = { email: 'sven@nordic-parts.example' };
const desk = (carrierId: string) => ({ email: `desk@${carrierId}.example` });
const driver = (carrierId: string) => ({ email: `driver@${carrierId}.example` });

/**
 * One multi-line order from two suppliers, shipped from two origins, carried through all eight
 * steps by the people of each party, over the services' HTTP APIs only.
 */
describe('an order walked through the eight steps by people', () => {
  let stack: Stack;
  beforeAll(async () => {
    // No workflow cache: every step replays the order from its history, as after a worker restart,
    // so concurrent branches whose commands replay in another order fail here, not in production.
    stack = await startStack({ maxCachedWorkflows: 0 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const stockOf = async (supplierId: string) => {
    const res = await stack.as(supplierId).supplier.get(`/suppliers/${supplierId}/stock`).expect(200);
    return Object.fromEntries(res.body.map((i: { sku: string; onHand: number }) => [i.sku, i.onHand]));
  };

  /** An open item in a party's own list, read as that party (`partyId` is the supplier or carrier). */
  const openItem = <T extends { orderId: string }>(path: string, orderId: string, service: 'supplier' | 'carrier', partyId: string) =>
    eventually(`${path} for order ${orderId}`, async () => {
      const res = await stack.as(partyId)[service].get(path).query({ status: 'open' }).expect(200);
      return (res.body as T[]).find((item) => item.orderId === orderId);
    });

  interface ShippingInquiryItem {
    inquiryId: string;
    orderId: string;
    carrierId: string;
    status: string;
    inquiry: { origin: { code: string } };
  }
  /** What the carriers' desks see of one order, across both carriers, in any status. */
  const shippingInquiriesOf = async (orderId: string, status?: string): Promise<ShippingInquiryItem[]> => {
    const all: ShippingInquiryItem[] = [];
    for (const carrierId of ['rhein-freight', 'baltic-lines']) {
      const res = await stack.as(carrierId).carrier.get(`/carriers/${carrierId}/shipping-inquiries`).query(status ? { status } : {}).expect(200);
      all.push(...(res.body as ShippingInquiryItem[]).filter((i) => i.orderId === orderId));
    }
    return all;
  };
  const openShippingInquiries = (orderId: string) => shippingInquiriesOf(orderId, 'open');

  it('completes with every message recorded, stock taken once and one payment of the confirmed amount', async () => {
    const buyer = stack.as('muster-maschinenbau', undefined, JONAS);
    const acme = stack.as('acme-steel', undefined, ANNA);
    const nordic = stack.as('nordic-parts', undefined, SVEN);
    const acmeBefore = await stockOf('acme-steel');
    const nordicBefore = await stockOf('nordic-parts');

    // Step 1: procurement submits.
    const submitted = await buyer.distributor
      .post('/purchase-orders')
      .send(
        purchaseOrder([
          { sku: 'BOLT-M8', quantity: 400 },
          { sku: 'BEAM-200', quantity: 2 },
          { sku: 'GEAR-40', quantity: 10 },
        ]),
      )
      .expect(201);
    const orderId: string = submitted.body.orderId;
    expect((await buyer.buyer.get(`/orders/${orderId}`).expect(200)).body.status).toBe('sourcing');

    // Steps 2-3: each supplier's clerk sees the inquiry and answers it.
    const acmeInquiry = await openItem<{ orderId: string; inquiryId: string; lines: { lineNo: number; quantity: number }[] }>(
      '/suppliers/acme-steel/stock-inquiries', orderId, 'supplier', 'acme-steel');
    expect(acmeInquiry.lines.map((l) => l.lineNo)).toEqual([1, 2]);
    // A clerk who commits more than was asked is told which field is wrong, and the inquiry stays open.
    const tooMuch = await acme.supplier
      .post(`/stock-inquiries/${acmeInquiry.inquiryId}/answer`)
      .send({ lines: [{ lineNo: 1, quantityCommitted: 401 }, { lineNo: 2, quantityCommitted: 2 }] })
      .expect(422);
    expect(tooMuch.body.errors).toEqual([expect.objectContaining({ field: 'lines[0].quantityCommitted' })]);
    // Nobody answers in someone else's name: a body naming a person is refused, the inquiry stays open.
    const fullAnswer = { lines: acmeInquiry.lines.map((l) => ({ lineNo: l.lineNo, quantityCommitted: l.quantity })) };
    const named = await acme.supplier.post(`/stock-inquiries/${acmeInquiry.inquiryId}/answer`).send({ ...fullAnswer, answeredBy: 'clerk.anna' }).expect(400);
    expect(named.body.errors).toEqual([{ field: 'answeredBy', message: 'property answeredBy should not exist' }]);
    const answered = await acme.supplier.post(`/stock-inquiries/${acmeInquiry.inquiryId}/answer`).send(fullAnswer).expect(200);
    expect(answered.body.answeredBy).toBe(ANNA.email);
    await acme.supplier.post(`/stock-inquiries/${acmeInquiry.inquiryId}/answer`).send(fullAnswer).expect(409);
    const nordicInquiry = await openItem<{ orderId: string; inquiryId: string; lines: { lineNo: number; quantity: number }[] }>(
      '/suppliers/nordic-parts/stock-inquiries', orderId, 'supplier', 'nordic-parts');
    await nordic.supplier
      .post(`/stock-inquiries/${nordicInquiry.inquiryId}/answer`)
      .send({ lines: [{ lineNo: 3, quantityCommitted: 10 }] })
      .expect(200);

    // Steps 4-5: every carrier serving an origin is asked, so DE-HAM goes to both carriers and
    // SE-GOT to baltic-lines; the desks quote on every inquiry they have for this order.
    const shippingInquiries = await eventually('a shipping inquiry per carrier and origin', async () => {
      const open = await openShippingInquiries(orderId);
      return open.length === 3 ? open : undefined;
    });
    expect(shippingInquiries.map((i) => `${i.carrierId} from ${i.inquiry.origin.code}`).sort()).toEqual(
      ['baltic-lines from DE-HAM', 'baltic-lines from SE-GOT', 'rhein-freight from DE-HAM'],
    );
    for (const inquiry of shippingInquiries) {
      const quoting = stack.as(inquiry.carrierId, undefined, desk(inquiry.carrierId)).carrier;
      const named = await quoting.post(`/shipping-inquiries/${inquiry.inquiryId}/quote`).send({ quotedBy: 'desk.omar' }).expect(400);
      expect(named.body.errors).toEqual([{ field: 'quotedBy', message: 'property quotedBy should not exist' }]);
      const quoted = await quoting.post(`/shipping-inquiries/${inquiry.inquiryId}/quote`).send({}).expect(200);
      expect(quoted.body.quotedBy).toBe(desk(inquiry.carrierId).email);
    }

    // Step 6: the buyer sees the confirmation.
    const confirmation = await eventually('order confirmation', async () => {
      const res = await buyer.buyer.get(`/orders/${orderId}/confirmation`);
      return res.status === 200 ? res.body : undefined;
    });
    const goods = 400 * 35 + 2 * 8900 + 10 * 2450;
    expect(confirmation.goods).toEqual({ amountMinor: goods, currency: 'EUR' });
    const freight = confirmation.freight.reduce((sum: number, f: { price: { amountMinor: number } }) => sum + f.price.amountMinor, 0);
    expect(confirmation.freight.map((f: { carrierId: string }) => f.carrierId).sort()).toEqual(['baltic-lines', 'rhein-freight']);
    expect(confirmation.amountDue).toEqual({ amountMinor: goods + freight, currency: 'EUR' });

    // Step 7: carriers accept their bookings; the buyer pays.
    for (const carrierId of ['rhein-freight', 'baltic-lines']) {
      const notice = await openItem<{ orderId: string; noticeId: string }>(`/carriers/${carrierId}/transport-notices`, orderId, 'carrier', carrierId);
      const accepting = stack.as(carrierId, undefined, driver(carrierId)).carrier;
      const named = await accepting.post(`/transport-notices/${notice.noticeId}/accept`).send({ acceptedBy: 'driver.omar' }).expect(400);
      expect(named.body.errors).toEqual([{ field: 'acceptedBy', message: 'property acceptedBy should not exist' }]);
      // An acceptance has no body at all: who accepts is the token's.
      const accepted = await accepting.post(`/transport-notices/${notice.noticeId}/accept`).expect(200);
      expect(accepted.body.acceptedBy).toBe(driver(carrierId).email);
    }
    const wrongAmount = await buyer.buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: confirmation.amountDue.amountMinor - 1, currency: 'EUR' })
      .expect(409);
    expect(wrongAmount.body.detail).toContain('amount due');
    const payment = { amountMinor: confirmation.amountDue.amountMinor, currency: 'EUR' };
    const namedPayer = await buyer.buyer.post(`/orders/${orderId}/payment-notice`).send({ ...payment, paidBy: 'jonas' }).expect(400);
    expect(namedPayer.body.errors).toEqual([{ field: 'paidBy', message: 'property paidBy should not exist' }]);
    const paid = await buyer.buyer.post(`/orders/${orderId}/payment-notice`).send(payment).expect(200);
    expect(paid.body.paidBy).toBe(JONAS.email);

    // Step 8: the transfer notice settles the order.
    const final = await eventually('the order to complete', async () => {
      const res = await buyer.buyer.get(`/orders/${orderId}`).expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(final.waitingFor).toEqual([]);
    expect(final.transfer.amount).toEqual(confirmation.amountDue);
    expect(final.bookings.map((b: { originCode: string; carrierId: string; status: string }) => `${b.originCode} ${b.carrierId} ${b.status}`).sort())
      .toEqual(['DE-HAM rhein-freight accepted', 'SE-GOT baltic-lines accepted']);

    const log: {
      step: number | null;
      name: string;
      sender: { role: string; id: string };
      receiver: { role: string; id: string };
      payload: Record<string, unknown>;
    }[] = (await buyer.distributor.get(`/orders/${orderId}/messages`).expect(200)).body;
    // The log names each person as their token did, never as a body said.
    const people = log
      .filter((m) => ['stock-answer', 'shipping-quote', 'transport-acceptance', 'payment-notice'].includes(m.name))
      .map((m) => {
        const by = ['answeredBy', 'quotedBy', 'acceptedBy', 'paidBy'].map((f) => m.payload[f]).find((v) => v !== undefined);
        return `${m.name} ${m.sender.id} ${String(by)}`;
      });
    expect(people.sort()).toEqual(
      [
        `stock-answer acme-steel ${ANNA.email}`,
        `stock-answer nordic-parts ${SVEN.email}`,
        `shipping-quote rhein-freight ${desk('rhein-freight').email}`,
        `shipping-quote baltic-lines ${desk('baltic-lines').email}`,
        `shipping-quote baltic-lines ${desk('baltic-lines').email}`,
        `transport-acceptance rhein-freight ${driver('rhein-freight').email}`,
        `transport-acceptance baltic-lines ${driver('baltic-lines').email}`,
        `payment-notice muster-maschinenbau ${JONAS.email}`,
      ].sort(),
    );
    // Events (reminders, escalations...) carry no step; the eight messages do.
    const messages = log.filter((m): m is (typeof log)[number] & { step: number } => m.step !== null);
    const route = (m: (typeof messages)[number]) => `${m.name}: ${m.sender.role}/${m.sender.id} -> ${m.receiver.role}/${m.receiver.id}`;
    // Steps go in order, except that a supplier's dispatch notice (6) follows the acceptance of
    // the transport notice (7) for its origin, so that it names the carrier that will pick up.
    const steps = messages.map((m) => m.step);
    expect(new Set(steps)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    const withoutDispatch = messages.filter((m) => m.name !== 'dispatch-notice').map((m) => m.step);
    expect(withoutDispatch).toEqual([...withoutDispatch].sort((a, b) => a - b));
    const at = (name: string, receiver?: string) =>
      messages.findIndex((m) => m.name === name && (receiver === undefined || m.receiver.id === receiver));
    expect(at('dispatch-notice', 'acme-steel')).toBeGreaterThan(at('transport-notice', 'rhein-freight'));
    expect(at('dispatch-notice', 'nordic-parts')).toBeGreaterThan(at('transport-notice', 'baltic-lines'));
    expect(at('order-confirmation')).toBeLessThan(at('transport-notice'));
    expect(messages.map(route).sort()).toEqual(
      [
        'purchase-order: buyer/muster-maschinenbau -> distributor/tradelane',
        'stock-inquiry: distributor/tradelane -> supplier/acme-steel',
        'stock-inquiry: distributor/tradelane -> supplier/nordic-parts',
        'stock-answer: supplier/acme-steel -> distributor/tradelane',
        'stock-answer: supplier/nordic-parts -> distributor/tradelane',
        'shipping-inquiry: distributor/tradelane -> carrier/rhein-freight',
        'shipping-inquiry: distributor/tradelane -> carrier/baltic-lines',
        'shipping-inquiry: distributor/tradelane -> carrier/baltic-lines',
        'shipping-quote: carrier/rhein-freight -> distributor/tradelane',
        'shipping-quote: carrier/baltic-lines -> distributor/tradelane',
        'shipping-quote: carrier/baltic-lines -> distributor/tradelane',
        'order-confirmation: distributor/tradelane -> buyer/muster-maschinenbau',
        'dispatch-notice: distributor/tradelane -> supplier/acme-steel',
        'dispatch-notice: distributor/tradelane -> supplier/nordic-parts',
        'transport-notice: distributor/tradelane -> carrier/rhein-freight',
        'transport-notice: distributor/tradelane -> carrier/baltic-lines',
        'payment-notice: buyer/muster-maschinenbau -> payment-gateway/tradelane-pay',
        'transfer-notice: payment-gateway/tradelane-pay -> distributor/tradelane',
      ].sort(),
    );
    expect(at('transfer-notice')).toBeGreaterThan(at('payment-notice'));

    // The quote that lost DE-HAM (baltic-lines, dearer than rhein-freight) no longer stands.
    const inquiriesAfter = await shippingInquiriesOf(orderId);
    expect(inquiriesAfter.map((i) => `${i.carrierId} from ${i.inquiry.origin.code}: ${i.status}`).sort()).toEqual([
      'baltic-lines from DE-HAM: withdrawn',
      'baltic-lines from SE-GOT: quoted',
      'rhein-freight from DE-HAM: quoted',
    ]);

    // Stock left the suppliers exactly once.
    const acmeAfter = await stockOf('acme-steel');
    const nordicAfter = await stockOf('nordic-parts');
    expect(acmeAfter['BOLT-M8']).toBe(acmeBefore['BOLT-M8'] - 400);
    expect(acmeAfter['BEAM-200']).toBe(acmeBefore['BEAM-200'] - 2);
    expect(acmeAfter['NUT-M8']).toBe(acmeBefore['NUT-M8']);
    expect(nordicAfter['GEAR-40']).toBe(nordicBefore['GEAR-40'] - 10);
    expect((await acme.supplier.get('/suppliers/acme-steel/dispatch-notices').expect(200)).body).toHaveLength(1);
    // What the answers held is what the dispatches took, nothing still held.
    const reservations = await stack.db.query(
      `SELECT supplier_id || ' ' || sku || ' ' || quantity || ' ' || status AS r FROM supplier.stock_reservations WHERE order_id = $1 ORDER BY 1`,
      [orderId],
    );
    expect(reservations.rows.map((row: { r: string }) => row.r)).toEqual([
      'acme-steel BEAM-200 2 dispatched',
      'acme-steel BOLT-M8 400 dispatched',
      'nordic-parts GEAR-40 10 dispatched',
    ]);

    // The gateway took exactly one payment, of the confirmed amount, and its ledger balances.
    const gateway = stack.as('tradelane-pay')['payment-gateway'];
    const payments = (await gateway.get('/payments').query({ orderId }).expect(200)).body;
    expect(payments).toHaveLength(1);
    expect(payments[0].amountMinor).toBe(confirmation.amountDue.amountMinor);
    // Buyer to clearing, clearing to the distributor: two journals of the amount due, balanced.
    const due = confirmation.amountDue.amountMinor;
    const ledger = (await gateway.get('/ledger/check').expect(200)).body;
    expect(ledger.balanced).toBe(true);
    expect(ledger.unbalancedJournals).toEqual([]);
    expect(ledger.currencies).toEqual([{ currency: 'EUR', totalDebitsMinor: 2 * due, totalCreditsMinor: 2 * due, balanced: true }]);
    expect(ledger.accounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ account: 'distributor:tradelane', currency: 'EUR', creditsMinor: due, balanceMinor: -due })]),
    );

    // A finished order takes no more answers, nor does an inquiry it withdrew.
    const withdrawn = inquiriesAfter.find((i) => i.status === 'withdrawn')!;
    await stack.as(withdrawn.carrierId).carrier.post(`/shipping-inquiries/${withdrawn.inquiryId}/quote`).send({}).expect(409);
    await buyer.buyer.post(`/orders/${orderId}/payment-notice`).send(payment).expect(409);
  });

  // Each kind of answer a person gives: the body may not name who gives it. The validation refuses
  // the field before the object is even looked up, so an unknown id shows it as well as a real one.
  const namedInBody: Array<{ kind: string; service: PartyRole; as: string; path: string; body: Record<string, unknown>; field: string }> = [
    { kind: 'stock answer', service: 'supplier', as: 'acme-steel', path: '/stock-inquiries/{id}/answer',
      body: { answeredBy: 'clerk.anna', lines: [{ lineNo: 1, quantityCommitted: 1 }] }, field: 'answeredBy' },
    { kind: 'shipping quote', service: 'carrier', as: 'rhein-freight', path: '/shipping-inquiries/{id}/quote',
      body: { quotedBy: 'desk.omar', priceMinor: 100 }, field: 'quotedBy' },
    { kind: 'transport acceptance', service: 'carrier', as: 'rhein-freight', path: '/transport-notices/{id}/accept',
      body: { acceptedBy: 'desk.omar' }, field: 'acceptedBy' },
    { kind: 'transport rejection', service: 'carrier', as: 'rhein-freight', path: '/transport-notices/{id}/reject',
      body: { rejectedBy: 'desk.omar', reason: 'no truck' }, field: 'rejectedBy' },
    { kind: 'payment notice', service: 'buyer', as: 'muster-maschinenbau', path: '/orders/{id}/payment-notice',
      body: { amountMinor: 1, currency: 'EUR', paidBy: 'jonas' }, field: 'paidBy' },
    { kind: 'cancellation', service: 'distributor', as: 'muster-maschinenbau', path: '/orders/{id}/cancel',
      body: { requestedBy: 'maria', reason: 'not needed' }, field: 'requestedBy' },
    { kind: "buyer's decision", service: 'distributor', as: 'muster-maschinenbau', path: '/orders/{id}/decision',
      body: { decision: 'wait', decidedBy: 'maria' }, field: 'decidedBy' },
    { kind: 'resolution of a stuck compensation', service: 'distributor', as: 'tradelane-ops', path: '/operations/stuck-compensations/{id}/refund-payment:x/resolve',
      body: { resolution: 'retry', resolvedBy: 'ops.jane' }, field: 'resolvedBy' },
  ];
  it.each(namedInBody)('refuses a $kind whose body names the person ($field) with a 400 naming the field', async ({ service, as, path, body, field }) => {
    const res = await stack.as(as, undefined, { email: `someone@${as}.example` })[service].post(path.replace('{id}', randomUUID())).send(body).expect(400);
    expect(res.body.type).toBe(`${PROBLEM_TYPE_BASE}validation`);
    expect(res.body.errors).toEqual([{ field, message: `property ${field} should not exist` }]);
  });
});
