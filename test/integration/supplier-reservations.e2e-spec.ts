import { randomUUID } from 'node:crypto';
import type { DispatchNotice, InquiryLine, StockAnswer, StockInquiry } from '@tradelane/contracts';
import { SupplierActivities } from '../../apps/supplier/src/activities/supplier.activities';
import { StockInquiriesService } from '../../apps/supplier/src/stock-inquiries/stock-inquiries.service';
import { startStack, type Stack } from '../support/stack';

/**
 * The supplier holds stock for its positive answers: holds lapse on their own, compensations
 * free or return stock, dispatches take what is held, and concurrent answers never share units.
 * Activities are called on the running service; people and readers use its HTTP API.
 */
describe('supplier stock reservations', () => {
  let stack: Stack;
  let supplier: SupplierActivities;
  beforeAll(async () => {
    stack = await startStack();
    supplier = stack.apps.supplier.get(SupplierActivities);
    await stack.as('acme-steel').supplier.put('/suppliers/acme-steel/answer-mode').send({ answerMode: 'automatic' }).expect(200);
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A SKU of its own per test, so that each test reads only its own holds. */
  /** The supplier's own people and readers: each supplier reads and answers what is addressed to it. */
  const desk = (supplierId: string) => stack.as(supplierId).supplier;
  const newSku = async (onHand: number, unitPriceMinor = 100, supplierId = 'acme-steel') => {
    const sku = `T-${randomUUID().slice(0, 8)}`;
    await stack.db.query(`INSERT INTO supplier.stock_items VALUES ($1, $2, $3, $4, 'EUR')`, [supplierId, sku, onHand, unitPriceMinor]);
    return sku;
  };
  const inquiryFor = (lines: Omit<InquiryLine, 'lineNo'>[], supplierId = 'acme-steel'): StockInquiry => ({
    inquiryId: randomUUID(),
    orderId: randomUUID(),
    supplierId,
    currency: 'EUR',
    lines: lines.map((l, i) => ({ lineNo: i + 1, ...l })),
  });
  const answerOf = async (inquiry: StockInquiry): Promise<StockAnswer> => {
    const reply = await supplier.receiveStockInquiry(inquiry);
    if (reply.mode !== 'automatic') throw new Error(`expected an automatic answer, got ${reply.mode}`);
    return reply.answer;
  };
  const levelOf = async (sku: string, supplierId = 'acme-steel') => {
    const res = await desk(supplierId).get(`/suppliers/${supplierId}/stock`).expect(200);
    const { onHand, reserved, available } = res.body.find((i: { sku: string }) => i.sku === sku);
    return { onHand, reserved, available };
  };
  const reservationsOf = async (orderId: string, supplierId = 'acme-steel') =>
    (await desk(supplierId).get(`/suppliers/${supplierId}/reservations`).query({ orderId }).expect(200)).body as {
      sku: string;
      quantity: number;
      status: string;
      noticeId: string | null;
    }[];
  const dispatchOf = (inquiry: StockInquiry, lines = inquiry.lines): DispatchNotice => ({
    noticeId: randomUUID(),
    orderId: inquiry.orderId,
    supplierId: inquiry.supplierId,
    inquiryId: inquiry.inquiryId,
    carrierId: 'rhein-freight',
    pickupDate: '2030-01-05',
    lines,
  });
  const movementsOf = async (noticeId: string) =>
    (await stack.db.query(`SELECT reason, delta::int FROM supplier.stock_movements WHERE notice_id = $1 ORDER BY id`, [noticeId])).rows;

  it('an automatic answer holds what it commits, and a second delivery holds nothing more', async () => {
    const sku = await newSku(100);
    const inquiry = inquiryFor([{ sku, quantity: 30 }]);
    const first = await answerOf(inquiry);
    expect(first.lines[0]).toMatchObject({ available: true, quantityCommitted: 30 });
    const holdMs = Date.parse(first.reservedUntil!) - Date.now();
    expect(holdMs).toBeGreaterThan(47.9 * 3600_000);
    expect(holdMs).toBeLessThanOrEqual(48 * 3600_000);
    expect(await levelOf(sku)).toEqual({ onHand: 100, reserved: 30, available: 70 });

    expect(await answerOf(inquiry)).toEqual(first);
    expect(await levelOf(sku)).toEqual({ onHand: 100, reserved: 30, available: 70 });
    expect(await reservationsOf(inquiry.orderId)).toEqual([expect.objectContaining({ sku, quantity: 30, status: 'held' })]);

    // The next order gets only what is left.
    const next = await answerOf(inquiryFor([{ sku, quantity: 100 }]));
    expect(next.lines[0].quantityCommitted).toBe(70);
    expect(await levelOf(sku)).toEqual({ onHand: 100, reserved: 100, available: 0 });
  });

  it('a lapsed hold frees its units without any job and reads as expired', async () => {
    const sku = await newSku(50);
    const inquiry = inquiryFor([{ sku, quantity: 40 }]);
    await answerOf(inquiry);
    expect((await levelOf(sku)).available).toBe(10);

    await stack.db.query(`UPDATE supplier.stock_reservations SET held_until = now() - interval '1 minute' WHERE inquiry_id = $1`, [
      inquiry.inquiryId,
    ]);
    expect(await levelOf(sku)).toEqual({ onHand: 50, reserved: 0, available: 50 });
    expect((await reservationsOf(inquiry.orderId)).map((r) => r.status)).toEqual(['expired']);
    expect((await answerOf(inquiryFor([{ sku, quantity: 50 }]))).lines[0].quantityCommitted).toBe(50);
  });

  it('a supplier sets how long answers hold stock; a bad hold time is refused naming the field', async () => {
    const acme = desk('acme-steel');
    const policy = '/suppliers/acme-steel/reservation-policy';
    for (const holdMinutes of [-1, 1.5, 'soon', 200_000]) {
      const res = await acme.put(policy).send({ holdMinutes }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'holdMinutes' })]));
    }
    // The operator may set any supplier's policy, so this 404 means no such supplier rather than not yours.
    await desk('tradelane-ops').put('/suppliers/no-such-supplier/reservation-policy').send({ holdMinutes: 5 }).expect(404);

    expect((await acme.put(policy).send({ holdMinutes: 0 }).expect(200)).body.reservationHoldMinutes).toBe(0);
    try {
      const sku = await newSku(10);
      const inquiry = inquiryFor([{ sku, quantity: 10 }]);
      expect((await answerOf(inquiry)).lines[0].quantityCommitted).toBe(10);
      expect(await levelOf(sku)).toEqual({ onHand: 10, reserved: 0, available: 10 });
      expect((await reservationsOf(inquiry.orderId)).map((r) => r.status)).toEqual(['expired']);

      await acme.put(policy).send({ holdMinutes: 90 }).expect(200);
      const held = await answerOf(inquiryFor([{ sku, quantity: 1 }]));
      expect(Date.parse(held.reservedUntil!) - Date.now()).toBeGreaterThan(89 * 60_000);
    } finally {
      await acme.put(policy).send({ holdMinutes: 2880 }).expect(200);
    }
  });

  it("commits nothing on a line priced above the buyer's ceiling, and holds nothing for it", async () => {
    const dear = await newSku(100, 40);
    const fair = await newSku(100, 40);
    const inquiry = inquiryFor([
      { sku: dear, quantity: 5, priceCeilingMinor: 39 },
      { sku: fair, quantity: 5, priceCeilingMinor: 40 },
    ]);
    const answer = await answerOf(inquiry);
    expect(answer.lines.map((l) => [l.available, l.quantityCommitted])).toEqual([
      [false, 0],
      [true, 5],
    ]);
    expect((await reservationsOf(inquiry.orderId)).map((r) => r.sku)).toEqual([fair]);
    expect((await levelOf(dear)).available).toBe(100);
  });

  it('parallel answers for more than the stock never hold the same units twice', async () => {
    const sku = await newSku(100);
    const many = Array.from({ length: 10 }, () => inquiryFor([{ sku, quantity: 15 }, { sku, quantity: 15 }]));
    const answers = await Promise.all(many.map(answerOf));
    const committed = answers.flatMap((a) => a.lines).reduce((n, l) => n + l.quantityCommitted, 0);
    expect(committed).toBe(100);
    const { rows } = await stack.db.query(
      `SELECT sum(quantity)::int AS held FROM supplier.stock_reservations WHERE sku = $1 AND status = 'held'`,
      [sku],
    );
    expect(rows[0].held).toBe(100);
    expect(await levelOf(sku)).toEqual({ onHand: 100, reserved: 100, available: 0 });
  });

  it('withdrawing an answered inquiry frees its hold; a second withdrawal or an unknown inquiry changes nothing', async () => {
    const sku = await newSku(60);
    const inquiry = inquiryFor([{ sku, quantity: 45 }]);
    await answerOf(inquiry);
    await supplier.withdrawStockInquiry(inquiry.inquiryId, 'order cancelled by the buyer');
    expect(await levelOf(sku)).toEqual({ onHand: 60, reserved: 0, available: 60 });
    expect((await reservationsOf(inquiry.orderId)).map((r) => r.status)).toEqual(['released']);
    const after = (await desk('acme-steel').get(`/stock-inquiries/${inquiry.inquiryId}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'answered', withdrawReason: 'order cancelled by the buyer' });

    await supplier.withdrawStockInquiry(inquiry.inquiryId, 'again');
    expect((await desk('acme-steel').get(`/stock-inquiries/${inquiry.inquiryId}`).expect(200)).body).toEqual(after);
    expect(await levelOf(sku)).toEqual({ onHand: 60, reserved: 0, available: 60 });
    await expect(supplier.withdrawStockInquiry(randomUUID(), 'never arrived')).resolves.toBeUndefined();
  });

  it('a withdrawn open inquiry is closed: not listed as open, and a person answering it hears it was withdrawn', async () => {
    const nordic = desk('nordic-parts');
    const inquiry = inquiryFor([{ sku: 'GEAR-40', quantity: 2 }], 'nordic-parts');
    expect(await supplier.receiveStockInquiry(inquiry)).toEqual({ mode: 'manual' });
    const openIds = async (query: object) =>
      ((await nordic.get('/stock-inquiries').query(query).expect(200)).body as { inquiryId: string }[]).map((i) => i.inquiryId);
    expect(await openIds({ status: 'open' })).toContain(inquiry.inquiryId);

    await supplier.withdrawStockInquiry(inquiry.inquiryId, 'supplier did not answer in time');
    await supplier.withdrawStockInquiry(inquiry.inquiryId, 'supplier did not answer in time');
    expect(await openIds({ status: 'open' })).not.toContain(inquiry.inquiryId);
    expect(await openIds({ status: 'withdrawn', supplierId: 'nordic-parts' })).toEqual([inquiry.inquiryId]);
    const refused = await nordic
      .post(`/stock-inquiries/${inquiry.inquiryId}/answer`)
      .send({ lines: [{ lineNo: 1, quantityCommitted: 2 }] })
      .expect(409);
    expect(refused.body.detail).toContain('withdrawn');
    expect(await supplier.receiveStockInquiry(inquiry)).toEqual({ mode: 'declined', reason: expect.stringContaining('withdrawn') });
    await nordic.get('/stock-inquiries').query({ status: 'closed' }).expect(400);
  });

  it('a dispatch takes the held units once: on hand drops, the hold becomes dispatched', async () => {
    const sku = await newSku(100);
    const inquiry = inquiryFor([{ sku, quantity: 20 }]);
    await answerOf(inquiry);
    const notice = dispatchOf(inquiry);
    await supplier.receiveDispatchNotice(notice);
    await supplier.receiveDispatchNotice(notice);
    expect(await levelOf(sku)).toEqual({ onHand: 80, reserved: 0, available: 80 });
    expect(await reservationsOf(inquiry.orderId)).toEqual([expect.objectContaining({ status: 'dispatched', noticeId: notice.noticeId })]);
    expect(await movementsOf(notice.noticeId)).toEqual([{ reason: 'dispatch', delta: -20 }]);
  });

  it('a dispatch after the hold lapsed takes free stock, and fails for good when the units went elsewhere', async () => {
    const sku = await newSku(10);
    const lapsed = async () => {
      const inquiry = inquiryFor([{ sku, quantity: 10 }]);
      await answerOf(inquiry);
      await stack.db.query(`UPDATE supplier.stock_reservations SET held_until = now() - interval '1 second' WHERE inquiry_id = $1`, [
        inquiry.inquiryId,
      ]);
      return inquiry;
    };
    const stillFree = await lapsed();
    await supplier.receiveDispatchNotice(dispatchOf(stillFree, [{ lineNo: 1, sku, quantity: 4 }]));
    expect(await levelOf(sku)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    expect((await reservationsOf(stillFree.orderId)).map((r) => r.status)).toEqual(['dispatched']);

    const late = await lapsed();
    await answerOf(inquiryFor([{ sku, quantity: 6 }]));
    const notice = dispatchOf(late, [{ lineNo: 1, sku, quantity: 6 }]);
    await expect(supplier.receiveDispatchNotice(notice)).rejects.toMatchObject({
      type: 'StockGone',
      nonRetryable: true,
      message: expect.stringContaining(`6 of ${sku} (0 available)`),
      details: [{ field: 'lines', reason: expect.stringContaining(`6 of ${sku} (0 available)`) }],
    });
    expect(await levelOf(sku)).toEqual({ onHand: 6, reserved: 6, available: 0 });
    expect(await movementsOf(notice.noticeId)).toEqual([]);
  });

  it('a recall puts the dispatched goods back once; an unknown notice changes nothing', async () => {
    const sku = await newSku(100);
    const inquiry = inquiryFor([{ sku, quantity: 25 }]);
    await answerOf(inquiry);
    const notice = dispatchOf(inquiry);
    await supplier.receiveDispatchNotice(notice);
    expect((await levelOf(sku)).onHand).toBe(75);

    await supplier.recallDispatchNotice(notice.noticeId, 'carrier booking cancelled');
    await supplier.recallDispatchNotice(notice.noticeId, 'carrier booking cancelled');
    expect(await levelOf(sku)).toEqual({ onHand: 100, reserved: 0, available: 100 });
    expect((await reservationsOf(inquiry.orderId)).map((r) => r.status)).toEqual(['returned']);
    expect(await movementsOf(notice.noticeId)).toEqual([
      { reason: 'dispatch', delta: -25 },
      { reason: 'recall', delta: 25 },
    ]);
    const notices = (await desk('acme-steel').get('/suppliers/acme-steel/dispatch-notices').expect(200)).body;
    expect(notices.find((n: { noticeId: string }) => n.noticeId === notice.noticeId)).toMatchObject({
      status: 'recalled',
      recallReason: 'carrier booking cancelled',
    });
    await expect(supplier.recallDispatchNotice(randomUUID(), 'never sent')).resolves.toBeUndefined();
  });

  it("refuses a person's answer above what is available or above the ceiling, naming the field, and holds nothing", async () => {
    const sku = await newSku(10, 38, 'nordic-parts');
    const inquiry = inquiryFor([{ sku, quantity: 20, priceCeilingMinor: 40 }], 'nordic-parts');
    expect(await supplier.receiveStockInquiry(inquiry)).toEqual({ mode: 'manual' });
    const answer = (lines: object[]) =>
      desk('nordic-parts').post(`/stock-inquiries/${inquiry.inquiryId}/answer`).send({ lines });

    const tooMany = (await answer([{ lineNo: 1, quantityCommitted: 15 }]).expect(422)).body;
    expect(tooMany.errors).toEqual([{ field: 'lines[0].quantityCommitted', message: `15 is more than the 10 of ${sku} available` }]);
    const tooDear = (await answer([{ lineNo: 1, quantityCommitted: 5, unitPriceMinor: 41 }]).expect(422)).body;
    expect(tooDear.errors).toEqual([expect.objectContaining({ field: 'lines[0].unitPriceMinor' })]);

    // Within limits, but no order is running to take it: the order's refusal holds nothing either.
    await answer([{ lineNo: 1, quantityCommitted: 10 }]).expect(404);
    expect(await reservationsOf(inquiry.orderId, 'nordic-parts')).toEqual([]);
    expect((await desk('nordic-parts').get(`/stock-inquiries/${inquiry.inquiryId}`).expect(200)).body.status).toBe('open');
  });

  it("holds a person's accepted answer, never more than is still available when units went meanwhile", async () => {
    const sku = await newSku(10, 38, 'nordic-parts');
    const inquiry = inquiryFor([{ sku, quantity: 10 }], 'nordic-parts');
    await supplier.receiveStockInquiry(inquiry);
    // Another order takes 6 between the person's check and the hold.
    await desk('nordic-parts').put('/suppliers/nordic-parts/answer-mode').send({ answerMode: 'automatic' }).expect(200);
    try {
      await answerOf(inquiryFor([{ sku, quantity: 6 }], 'nordic-parts'));
    } finally {
      await desk('nordic-parts').put('/suppliers/nordic-parts/answer-mode').send({ answerMode: 'manual' }).expect(200);
    }
    const personAnswer: StockAnswer = {
      inquiryId: inquiry.inquiryId,
      orderId: inquiry.orderId,
      supplierId: 'nordic-parts',
      answeredBy: 'clerk.sven',
      currency: 'EUR',
      lines: [{ lineNo: 1, sku, available: true, quantityCommitted: 10, unitPriceMinor: 38, shipFrom: { code: 'SE-GOT', country: 'SE' }, readyDate: '2030-01-05' }],
    };
    const heldUntil = new Date(Date.now() + 3600_000);
    const inquiries = stack.apps.supplier.get(StockInquiriesService);
    await inquiries.holdForPersonAnswer(personAnswer, heldUntil);
    await inquiries.holdForPersonAnswer(personAnswer, heldUntil);
    expect(await reservationsOf(inquiry.orderId, 'nordic-parts')).toEqual([expect.objectContaining({ quantity: 4, status: 'held' })]);
    expect(await levelOf(sku, 'nordic-parts')).toEqual({ onHand: 10, reserved: 10, available: 0 });
    expect((await desk('nordic-parts').get(`/stock-inquiries/${inquiry.inquiryId}`).expect(200)).body).toMatchObject({
      status: 'answered',
      answer: { answeredBy: 'clerk.sven' },
    });
  });

  it('a reminder shows on the inquiry with its deadline, once per deadline', async () => {
    const inquiry = inquiryFor([{ sku: 'GEAR-40', quantity: 1 }], 'nordic-parts');
    await supplier.receiveStockInquiry(inquiry);
    const deadline = '2030-01-02T10:00:00.000Z';
    const reminder = { orderId: inquiry.orderId, subjectId: inquiry.inquiryId, waitingFor: 'stock-answer' as const, deadline };
    await supplier.remind(reminder);
    const first = (await desk('nordic-parts').get(`/stock-inquiries/${inquiry.inquiryId}`).expect(200)).body;
    expect(first).toMatchObject({ answerDeadline: deadline, remindedAt: expect.any(String) });

    await supplier.remind(reminder);
    const listed = (await desk('nordic-parts').get('/stock-inquiries').query({ supplierId: 'nordic-parts', status: 'open' }).expect(200)).body;
    expect(listed.find((i: { inquiryId: string }) => i.inquiryId === inquiry.inquiryId)).toMatchObject({
      remindedAt: first.remindedAt,
      answerDeadline: deadline,
    });

    const later = '2030-01-03T10:00:00.000Z';
    await supplier.remind({ ...reminder, deadline: later });
    expect((await desk('nordic-parts').get(`/stock-inquiries/${inquiry.inquiryId}`).expect(200)).body.answerDeadline).toBe(later);
    await expect(supplier.remind({ ...reminder, subjectId: randomUUID() })).resolves.toBeUndefined();
  });
});
