import { randomUUID } from 'node:crypto';
import type { TransferNotice } from '@tradelane/contracts';
import { SIGNATURE_HEADER, signWebhook } from '@tradelane/platform';
import { standInOrders, type StandInOrders } from '../support/awaiting-transfer';
import { startStack, type Stack } from '../support/stack';

/** Step 8 as the distributor takes it in: a signed webhook, applied once, refused and flagged when wrong. */
describe('transfer notice webhook', () => {
  let stack: Stack;
  let orders: StandInOrders;
  const secret = () => process.env.TRANSFER_NOTICE_SECRET as string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    stack = await startStack();
    orders = await standInOrders(stack);
  });
  afterAll(async () => {
    await orders?.close();
    await stack?.close();
  });

  const noticeFor = (orderId: string, amountMinor: number): TransferNotice => ({
    eventId: randomUUID(),
    transferId: randomUUID(),
    orderId,
    paymentId: randomUUID(),
    amount: { amountMinor, currency: 'EUR' },
    transferredAt: new Date().toISOString(),
  });
  const deliver = (body: string, signature?: string) => {
    // The gateway posts as tradelane-pay; the signature is checked besides its token.
    const req = stack.as('tradelane-pay').distributor.post('/transfer-notices').set('content-type', 'application/json');
    return (signature === undefined ? req : req.set(SIGNATURE_HEADER, signature)).send(body);
  };
  const signed = (notice: unknown, t = now()) => {
    const body = JSON.stringify(notice);
    return deliver(body, signWebhook(secret(), body, t));
  };
  const storedEvents = async (eventId: string) =>
    (await stack.db.query(`SELECT status, reason FROM distributor.transfer_notice_events WHERE event_id = $1`, [eventId])).rows;

  it('applies a correctly signed notice to its order once, however often it is delivered', async () => {
    const { orderId, handle } = await orders.start({ amountMinor: 123_456, currency: 'EUR' });
    const notice = noticeFor(orderId, 123_456);
    const first = await signed(notice).expect(200);
    expect(first.body).toMatchObject({ eventId: notice.eventId, orderId, status: 'accepted', reason: null });
    // Redelivered later, signed afresh, as the gateway's retry would.
    const second = await signed(notice, now() + 1).expect(200);
    expect(second.body).toEqual(first.body);

    expect(await handle.result()).toEqual(notice);
    const history = await handle.fetchHistory();
    const updates = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(updates).toHaveLength(1);
    expect(await storedEvents(notice.eventId)).toEqual([{ status: 'accepted', reason: null }]);
  });

  it('refuses a forged, unsigned or tampered notice with a 401 that says nothing more, and keeps nothing', async () => {
    const { orderId } = await orders.start({ amountMinor: 500, currency: 'EUR' });
    const notice = noticeFor(orderId, 500);
    const body = JSON.stringify(notice);
    const forged = await deliver(body, signWebhook('f'.repeat(64), body, now())).expect(401);
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forged.body).toEqual({
      type: 'urn:tradelane:problem:unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'the transfer notice does not carry a valid, current signature',
      instance: '/transfer-notices',
    });
    const unsigned = await deliver(body).expect(401);
    expect(unsigned.body.detail).toBe(forged.body.detail);
    // Signed correctly, then the amount changed on the way.
    const tampered = body.replace('"amountMinor":500', '"amountMinor":5000');
    expect(tampered).not.toBe(body);
    await deliver(tampered, signWebhook(secret(), body, now())).expect(401);
    await deliver(body, 'not a signature').expect(401);
    expect(await storedEvents(notice.eventId)).toEqual([]);
  });

  it('refuses a correctly signed notice whose timestamp is outside the tolerance', async () => {
    const { orderId } = await orders.start({ amountMinor: 700, currency: 'EUR' });
    const notice = noticeFor(orderId, 700);
    const stale = await signed(notice, now() - 301).expect(401);
    expect(stale.body.detail).toBe('the transfer notice does not carry a valid, current signature');
    await signed(notice, now() + 301).expect(401);
    expect(await storedEvents(notice.eventId)).toEqual([]);
  });

  it('refuses a notice for an unknown order, flags it for operators, and answers a redelivery the same way', async () => {
    const notice = noticeFor(randomUUID(), 900);
    const refused = await signed(notice).expect(422);
    expect(refused.body.errors).toEqual([{ field: 'orderId', message: `no order ${notice.orderId}` }]);
    await signed(notice).expect(422);
    expect(await storedEvents(notice.eventId)).toEqual([{ status: 'refused', reason: `no order ${notice.orderId}` }]);
    const flagged = (await stack.as('tradelane-ops').distributor.get('/transfer-notices?status=refused').expect(200)).body;
    expect(flagged).toEqual(
      expect.arrayContaining([expect.objectContaining({ eventId: notice.eventId, status: 'refused', body: notice })]),
    );
  });

  it('refuses a notice for the wrong amount and flags it; the order still waits for the right one', async () => {
    const { orderId, handle } = await orders.start({ amountMinor: 10_000, currency: 'EUR' });
    const wrong = noticeFor(orderId, 9_999);
    const refused = await signed(wrong).expect(422);
    expect(refused.body.errors).toEqual([
      { field: 'amount', message: '9999 EUR transferred, but 10000 EUR is due' },
    ]);
    const flagged = (await stack.as('tradelane-ops').distributor.get(`/transfer-notices?status=refused&orderId=${orderId}`).expect(200)).body;
    expect(flagged.map((e: { eventId: string }) => e.eventId)).toEqual([wrong.eventId]);

    const right = noticeFor(orderId, 10_000);
    await signed(right).expect(200);
    expect(await handle.result()).toEqual(right);
    const accepted = (await stack.as('tradelane-ops').distributor.get(`/transfer-notices?status=accepted&orderId=${orderId}`).expect(200)).body;
    expect(accepted.map((e: { eventId: string }) => e.eventId)).toEqual([right.eventId]);
  });

  it('refuses a signed but malformed notice with a 400 naming the field, and keeps nothing', async () => {
    const { orderId } = await orders.start({ amountMinor: 100, currency: 'EUR' });
    const notice = { ...noticeFor(orderId, 100), amount: { amountMinor: 1.5, currency: 'euro' } };
    const bad = await signed(notice).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount.amountMinor', 'amount.currency']);
    expect(await storedEvents(notice.eventId)).toEqual([]);
    await stack.as('tradelane-ops').distributor.get('/transfer-notices?status=lost').expect(400);
  });
});
