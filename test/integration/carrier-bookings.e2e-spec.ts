import { randomUUID } from 'node:crypto';
import type { Reminder, ShippingInquiry, TransportNotice } from '@tradelane/contracts';
import { CarrierActivities } from '../../apps/carrier/src/activities/carrier.activities';
import { startStack, type Stack } from '../support/stack';

/** The carrier's side of real orders: quote validity, withdrawn inquiries, rejected and cancelled bookings, reminders. */
describe('carrier bookings', () => {
  let stack: Stack;
  let carrier: CarrierActivities;
  const destination = { name: 'Muster', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' };

  beforeAll(async () => {
    stack = await startStack();
    carrier = stack.apps.carrier.get(CarrierActivities);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const setMode = (carrierId: string, answerMode: 'automatic' | 'manual') =>
    stack.as(carrierId).carrier.put(`/carriers/${carrierId}/answer-mode`).send({ answerMode }).expect(200);
  /** rhein-freight's desk: every inquiry and notice a person handles here is addressed to it. */
  const rhein = () => stack.as('rhein-freight').carrier;
  const inquiryTo = (carrierId: string): ShippingInquiry => ({
    inquiryId: randomUUID(),
    orderId: randomUUID(),
    carrierId,
    origin: { code: 'DE-HAM', country: 'DE' },
    destination,
    weightGrams: 2500,
    lineCount: 2,
    readyDate: '2030-01-05',
    wantedBy: '2030-02-01',
    currency: 'EUR',
  });
  const noticeTo = (carrierId: string): TransportNotice => ({
    noticeId: randomUUID(),
    orderId: randomUUID(),
    carrierId,
    inquiryId: randomUUID(),
    origin: { code: 'DE-HAM', country: 'DE' },
    destination,
    pickupDate: '2030-01-05',
    deliveryDate: '2030-01-08',
    price: { amountMinor: 4680, currency: 'EUR' },
  });
  const inquiryRow = async (id: string) =>
    (await stack.db.query(`SELECT status, withdrawn_reason, withdrawn_at, quote FROM carrier.shipping_inquiries WHERE inquiry_id = $1`, [id])).rows[0];
  const noticeRow = async (id: string) =>
    (await stack.db.query(`SELECT status, cancellation_reason, cancelled_at, rejected_by FROM carrier.transport_notices WHERE notice_id = $1`, [id])).rows[0];

  describe('quote validity', () => {
    it("an automatic quote holds for its rate card's quote hours", async () => {
      await setMode('baltic-lines', 'automatic');
      await stack.db.query(`UPDATE carrier.rate_cards SET quote_valid_hours = 6 WHERE carrier_id = 'baltic-lines'`);
      const before = Date.now();
      const reply = await carrier.receiveShippingInquiry(inquiryTo('baltic-lines'));
      await setMode('baltic-lines', 'manual');
      if (reply.mode !== 'automatic') throw new Error(`expected an automatic quote, got ${reply.mode}`);
      const validFor = new Date(reply.answer.validUntil).getTime() - before;
      expect(validFor).toBeGreaterThanOrEqual(6 * 3_600_000 - 1_000);
      expect(validFor).toBeLessThanOrEqual(6 * 3_600_000 + 5_000);
    });

    it("refuses a person's quote valid until a past or malformed time, naming validUntil, and keeps the inquiry open", async () => {
      const inquiry = inquiryTo('rhein-freight');
      expect(await carrier.receiveShippingInquiry(inquiry)).toEqual({ mode: 'manual' });
      const past = await rhein()
        .post(`/shipping-inquiries/${inquiry.inquiryId}/quote`)
        .send({ validUntil: new Date(Date.now() - 60_000).toISOString() })
        .expect(422);
      expect(past.body.errors).toEqual([{ field: 'validUntil', message: 'must lie in the future' }]);
      const garbage = await rhein()
        .post(`/shipping-inquiries/${inquiry.inquiryId}/quote`)
        .send({ validUntil: 'next tuesday' })
        .expect(400);
      expect(garbage.body.errors.map((e: { field: string }) => e.field)).toContain('validUntil');
      expect((await inquiryRow(inquiry.inquiryId)).status).toBe('open');
    });
  });

  describe('withdrawShippingInquiry', () => {
    it('closes an open inquiry once; a person quoting it afterwards gets a 409; it is listed as withdrawn', async () => {
      const inquiry = inquiryTo('rhein-freight');
      await carrier.receiveShippingInquiry(inquiry);
      await carrier.withdrawShippingInquiry(inquiry.inquiryId, 'another carrier was chosen');
      const first = await inquiryRow(inquiry.inquiryId);
      await carrier.withdrawShippingInquiry(inquiry.inquiryId, 'order cancelled');
      expect(await inquiryRow(inquiry.inquiryId)).toEqual(first);
      expect(first).toMatchObject({ status: 'withdrawn', withdrawn_reason: 'another carrier was chosen' });

      const late = await rhein().post(`/shipping-inquiries/${inquiry.inquiryId}/quote`).send({}).expect(409);
      expect(late.body.detail).toMatch(/withdrawn/);
      const listed = (await rhein().get('/carriers/rhein-freight/shipping-inquiries?status=withdrawn').expect(200)).body;
      expect(listed.map((i: { inquiryId: string }) => i.inquiryId)).toContain(inquiry.inquiryId);
      const open = (await rhein().get('/carriers/rhein-freight/shipping-inquiries?status=open').expect(200)).body;
      expect(open.map((i: { inquiryId: string }) => i.inquiryId)).not.toContain(inquiry.inquiryId);
      // A retried delivery of the inquiry itself does not reopen it.
      expect(await carrier.receiveShippingInquiry(inquiry)).toMatchObject({ mode: 'declined' });
      expect((await inquiryRow(inquiry.inquiryId)).status).toBe('withdrawn');
    });

    it('withdraws a quoted inquiry too, keeping its quote; an unknown or malformed id changes nothing', async () => {
      await setMode('rhein-freight', 'automatic');
      const inquiry = inquiryTo('rhein-freight');
      const reply = await carrier.receiveShippingInquiry(inquiry);
      await setMode('rhein-freight', 'manual');
      expect(reply.mode).toBe('automatic');
      await carrier.withdrawShippingInquiry(inquiry.inquiryId, 'not chosen');
      expect(await inquiryRow(inquiry.inquiryId)).toMatchObject({ status: 'withdrawn', quote: expect.objectContaining({ inquiryId: inquiry.inquiryId }) });
      await expect(carrier.withdrawShippingInquiry(randomUUID(), 'x')).resolves.toBeUndefined();
      await expect(carrier.withdrawShippingInquiry('not-a-uuid', 'x')).resolves.toBeUndefined();
      await rhein().get('/carriers/rhein-freight/shipping-inquiries?status=gone').expect(400);
    });
  });

  describe('cancelTransport', () => {
    it('cancels an open booking and an accepted one, once each; a person can no longer accept or reject them', async () => {
      const open = noticeTo('rhein-freight');
      expect(await carrier.receiveTransportNotice(open)).toEqual({ mode: 'manual' });
      await setMode('baltic-lines', 'automatic');
      const accepted = noticeTo('baltic-lines');
      expect((await carrier.receiveTransportNotice(accepted)).mode).toBe('automatic');
      await setMode('baltic-lines', 'manual');
      expect((await noticeRow(accepted.noticeId)).status).toBe('accepted');

      for (const notice of [open, accepted]) {
        await carrier.cancelTransport(notice.noticeId, 'order cancelled by the buyer');
        const first = await noticeRow(notice.noticeId);
        expect(first).toMatchObject({ status: 'cancelled', cancellation_reason: 'order cancelled by the buyer' });
        await carrier.cancelTransport(notice.noticeId, 'again');
        expect(await noticeRow(notice.noticeId)).toEqual(first);
      }
      await rhein().post(`/transport-notices/${open.noticeId}/accept`).send({}).expect(409);
      await rhein().post(`/transport-notices/${open.noticeId}/reject`).send({ reason: 'late' }).expect(409);
      expect(await carrier.receiveTransportNotice(open)).toMatchObject({ mode: 'declined' });
      const listed = (await rhein().get('/carriers/rhein-freight/transport-notices?status=cancelled').expect(200)).body;
      expect(listed.map((n: { noticeId: string }) => n.noticeId)).toContain(open.noticeId);
      await expect(carrier.cancelTransport(randomUUID(), 'x')).resolves.toBeUndefined();
      await expect(carrier.cancelTransport('nope', 'x')).resolves.toBeUndefined();
    });
  });

  describe('a person rejects a transport notice', () => {
    it('for an order that is not running: a 404 problem, and the booking stays open', async () => {
      const notice = noticeTo('rhein-freight');
      await carrier.receiveTransportNotice(notice);
      const res = await rhein()
        .post(`/transport-notices/${notice.noticeId}/reject`)
        .send({ reason: 'no truck free' })
        .expect(404);
      expect(res.body).toMatchObject({ status: 404, title: 'Order not found' });
      expect(await noticeRow(notice.noticeId)).toMatchObject({ status: 'open', rejected_by: null });
    });

    it('without a reason: a 400 naming the field', async () => {
      const notice = noticeTo('rhein-freight');
      await carrier.receiveTransportNotice(notice);
      const res = await rhein().post(`/transport-notices/${notice.noticeId}/reject`).send({}).expect(400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
      await rhein().post(`/transport-notices/${randomUUID()}/reject`).send({ reason: 'b' }).expect(404);
    });
  });

  describe('remind', () => {
    it('keeps the reminder and deadline on the inquiry or notice, visible in the lists; a redelivery changes nothing', async () => {
      const inquiry = inquiryTo('rhein-freight');
      await carrier.receiveShippingInquiry(inquiry);
      const notice = noticeTo('rhein-freight');
      await carrier.receiveTransportNotice(notice);
      const deadline = '2030-01-04T12:00:00.000Z';
      const quoteReminder: Reminder = { orderId: inquiry.orderId, subjectId: inquiry.inquiryId, waitingFor: 'shipping-quote', deadline };
      const acceptReminder: Reminder = { orderId: notice.orderId, subjectId: notice.noticeId, waitingFor: 'transport-acceptance', deadline };

      await carrier.remind(quoteReminder);
      await carrier.remind(acceptReminder);
      const listedInquiry = async () =>
        (await rhein().get('/carriers/rhein-freight/shipping-inquiries?status=open').expect(200)).body.find(
          (i: { inquiryId: string }) => i.inquiryId === inquiry.inquiryId,
        );
      const listedNotice = async () =>
        (await rhein().get('/carriers/rhein-freight/transport-notices?status=open').expect(200)).body.find(
          (n: { noticeId: string }) => n.noticeId === notice.noticeId,
        );
      const firstInquiry = await listedInquiry();
      const firstNotice = await listedNotice();
      expect(firstInquiry).toMatchObject({ reminderDeadline: deadline, remindedAt: expect.any(String) });
      expect(firstNotice).toMatchObject({ reminderDeadline: deadline, remindedAt: expect.any(String) });

      await new Promise((r) => setTimeout(r, 20));
      await carrier.remind(quoteReminder);
      await carrier.remind(acceptReminder);
      expect(await listedInquiry()).toEqual(firstInquiry);
      expect(await listedNotice()).toEqual(firstNotice);

      const later = '2030-01-05T12:00:00.000Z';
      await carrier.remind({ ...quoteReminder, deadline: later });
      expect((await listedInquiry()).reminderDeadline).toBe(later);
      await expect(carrier.remind({ ...quoteReminder, subjectId: randomUUID() })).resolves.toBeUndefined();
      await expect(carrier.remind({ ...quoteReminder, subjectId: 'order-level' })).resolves.toBeUndefined();
    });
  });
});
