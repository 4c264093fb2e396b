import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RecordedMessage, StockAnswer } from '../../libs/contracts/src';
import { saveHistory } from '../../test/replay/history-files';
import {
  HOUR,
  answerTo,
  automaticParties,
  type Parties,
  payAndSettle,
  purchaseOrder,
  quoteFor,
  released,
  runOrders,
  stop,
  until,
  waitingFor,
} from '../../test/support/order-harness';
import { startTimeSkippingServer } from '../../test/support/time-skipping';
import {
  buyerDecisionUpdate,
  cancelOrderUpdate,
  orderViewQuery,
  paymentNoticeUpdate,
  resolveCompensationUpdate,
  stockAnswerUpdate,
  transportRejectionUpdate,
} from './definitions';

/**
 * The workflow's decisions with every party's activities mocked, on Temporal's time-skipping
 * server: deadlines pass when the test skips time, never by waiting.
 */
describe('orderWorkflow', () => {
  // One server per test: each test's clock and leftovers stay its own (an order of an earlier
  // test still holding a timer would otherwise stop the clock from skipping in a later one).
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    ({ env } = await startTimeSkippingServer());
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const awaitingPayment = waitingFor('payment');

  it('splits lines across suppliers and origins, books the cheapest carrier per origin, and completes on the transfer notice', async () => {
    const p = automaticParties();
    const o = purchaseOrder([['DE-BOLT', 10], ['SE-GEAR', 3], ['DE-NUT', 5]]);
    const final = await runOrders(env, p, async (start) => {
      const handle = await start(o);
      const confirmed = await until(handle, awaitingPayment);
      // 18 units at 100 plus the cheaper freight (c1, 5000) from each of two origins.
      expect(confirmed.confirmation!.amountDue).toEqual({ amountMinor: 1800 + 10000, currency: 'EUR' });
      expect(confirmed.confirmation!.freight.map((f) => f.carrierId)).toEqual(['c1', 'c1']);
      await payAndSettle(handle, o);
      const result = await handle.result();
      await saveHistory(handle, 'automatic');
      return result;
    });
    expect(final.status).toBe('completed');
    expect(p.supplier.receiveStockInquiry).toHaveBeenCalledTimes(2);
    expect(p.carrier.receiveShippingInquiry).toHaveBeenCalledTimes(4);
    expect(p.carrier.receiveTransportNotice.mock.calls.map(([n]) => n.carrierId)).toEqual(['c1', 'c1']);
    // The two quotes not booked are withdrawn; nothing else is undone.
    expect(p.undone.filter((u) => u.startsWith('withdraw-shipping'))).toHaveLength(2);
    expect(p.undone).toHaveLength(2);
    // Recording runs as activities, so they may arrive out of order; the sequence has no gaps.
    p.messages.sort((a, b) => a.seq - b.seq);
    expect(p.messages.map((m) => m.seq)).toEqual(p.messages.map((_, i) => i + 1));
    const names = p.messages.map((m) => m.name);
    const first = (name: string) => names.indexOf(name as RecordedMessage['name']);
    expect(new Set(p.messages.filter((m) => m.step !== null).map((m) => m.name))).toEqual(
      new Set(['purchase-order', 'stock-inquiry', 'stock-answer', 'shipping-inquiry', 'shipping-quote',
        'order-confirmation', 'transport-notice', 'dispatch-notice', 'payment-notice', 'transfer-notice']),
    );
    // A supplier's dispatch notice names the carrier that accepted, so it follows the acceptance;
    // the payment runs beside the bookings.
    expect(first('dispatch-notice')).toBeGreaterThan(first('transport-acceptance'));
    expect(first('transport-acceptance')).toBeGreaterThan(first('transport-notice'));
    expect(first('transport-notice')).toBeGreaterThan(first('order-confirmation'));
    expect(first('transfer-notice')).toBeGreaterThan(first('payment-notice'));
    expect(p.statuses).toEqual(['completed']);
  });

  it('reminds a supplier that does not answer, and at its deadline asks the next supplier instead', async () => {
    const p = automaticParties();
    p.supplier.receiveStockInquiry.mockImplementation(async (inquiry) =>
      inquiry.supplierId === 's1' ? { mode: 'manual' } : { mode: 'automatic', answer: answerTo(inquiry) },
    );
    const o = purchaseOrder([['DE-BOLT', 10]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(o);
      const waiting = await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      expect(waiting.waitingFor[0]).toMatchObject({ kind: 'stock-answer', supplierId: 's1' });
      await env.sleep(21 * HOUR);
      await until(handle, () => p.supplier.remind.mock.calls.length > 0);
      expect(p.supplier.remind.mock.calls[0][0]).toMatchObject({ waitingFor: 'stock-answer' });
      expect(p.supplier.receiveStockInquiry).toHaveBeenCalledTimes(1);
      await env.sleep(4 * HOUR);
      const confirmed = await until(handle, awaitingPayment);
      expect(confirmed.confirmation!.lines.map((l) => l.supplierId)).toEqual(['s2']);
      await stop(handle);
    });
    const s1Inquiry = p.supplier.receiveStockInquiry.mock.calls[0][0].inquiryId;
    // The late supplier's inquiry is withdrawn (besides the quote not booked, once its rival accepted).
    expect(p.undone.filter((u) => u.startsWith('withdraw-stock'))).toEqual([`withdraw-stock ${s1Inquiry}`]);
    expect(p.messages.map((m) => m.name)).toEqual(expect.arrayContaining(['reminder', 'escalation']));
  });

  it('puts a late supplier to the buyer when its terms say so, and waits again when the buyer says wait', async () => {
    const p = automaticParties();
    p.terms.s1 = { onDeadline: 'ask-buyer' };
    p.supplier.receiveStockInquiry.mockResolvedValue({ mode: 'manual' });
    const o = purchaseOrder([['DE-BOLT', 2]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(o);
      await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      await expect(
        handle.executeUpdate(buyerDecisionUpdate, { args: [{ decision: 'wait', decidedBy: 'maria' }] }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await env.sleep(25 * HOUR);
      await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'buyer-decision'));
      expect(p.buyer.remind).toHaveBeenCalledWith(expect.objectContaining({ waitingFor: 'buyer-decision' }));
      await handle.executeUpdate(buyerDecisionUpdate, { args: [{ decision: 'wait', decidedBy: 'maria' }] });
      const again = await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      const inquiryId = (again.waitingFor[0] as { inquiryId: string }).inquiryId;
      const inquiry = p.supplier.receiveStockInquiry.mock.calls[0][0];
      expect(inquiry.inquiryId).toBe(inquiryId);
      await handle.executeUpdate(stockAnswerUpdate, { args: [answerTo(inquiry)] });
      await until(handle, awaitingPayment);
      await stop(handle);
    });
    expect(p.supplier.receiveStockInquiry).toHaveBeenCalledTimes(1);
  });

  it('logs one buyer decision once, though it answers two late suppliers put to the buyer at once', async () => {
    // Found by the chaos run's undo rows: two carriers late together, one decision, logged twice.
    const p = automaticParties();
    p.terms.s1 = { onDeadline: 'ask-buyer' };
    p.terms.s2 = { onDeadline: 'ask-buyer' };
    p.supplier.receiveStockInquiry.mockResolvedValue({ mode: 'manual' });
    const o = purchaseOrder([['DE-BOLT', 2], ['SE-GEAR', 1]]);
    const final = await runOrders(env, p, async (start) => {
      const handle = await start(o);
      await until(handle, (v) => v.waitingFor.filter((w) => w.kind === 'stock-answer').length === 2);
      await env.sleep(25 * HOUR);
      await until(handle, (v) => v.waitingFor.filter((w) => w.kind === 'buyer-decision').length === 2);
      await handle.executeUpdate(buyerDecisionUpdate, { args: [{ decision: 'cancel', decidedBy: 'maria' }] });
      return handle.result();
    });
    expect(final.status).toBe('cancelled');
    expect(p.messages.filter((m) => m.name === 'escalation' && m.receiver.role === 'buyer')).toHaveLength(2);
    expect(p.messages.filter((m) => m.name === 'buyer-decision')).toHaveLength(1);
  });

  it("refuses a person's stock answer that commits more than asked or was not sent to them", async () => {
    const p = automaticParties();
    p.supplier.receiveStockInquiry.mockResolvedValue({ mode: 'manual' });
    const o = purchaseOrder([['DE-BOLT', 4]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(o);
      await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      const inquiry = p.supplier.receiveStockInquiry.mock.calls[0][0];
      await expect(handle.executeUpdate(stockAnswerUpdate, { args: [answerTo(inquiry, 'automatic', () => 5)] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      await expect(
        handle.executeUpdate(stockAnswerUpdate, { args: [{ ...answerTo(inquiry), supplierId: 's2' }] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      expect((await handle.query(orderViewQuery)).status).toBe('sourcing');
      await handle.executeUpdate(stockAnswerUpdate, { args: [{ ...answerTo(inquiry), answeredBy: 'clerk' }] });
      await until(handle, awaitingPayment);
      await stop(handle);
    });
    const answer = p.messages.find((m) => m.name === 'stock-answer')!;
    expect((answer.payload as StockAnswer).answeredBy).toBe('clerk');
  });

  describe('a supplier committing less than asked', () => {
    const shortBy = (p: Parties) =>
      p.supplier.receiveStockInquiry.mockImplementation(async (inquiry) => ({
        mode: 'automatic',
        answer: answerTo(inquiry, 'automatic', (q) => q - 4),
      }));

    it('cancels under the cancel policy, releasing the stock and asking no carrier', async () => {
      const p = automaticParties();
      shortBy(p);
      const final = await runOrders(env, p, async (start) => {
        const handle = await start(purchaseOrder([['DE-BOLT', 10]], 'cancel'));
        const result = await handle.result();
        await saveHistory(handle, 'partial-fill');
        return result;
      });
      expect(final.status).toBe('cancelled');
      expect(final.cancellation!.reason).toContain('asked 10, committed 6');
      expect(final.partialFill).toMatchObject({ policy: 'cancel', shortLines: [{ lineNo: 1, asked: 10, committed: 6 }] });
      expect(p.carrier.receiveShippingInquiry).not.toHaveBeenCalled();
      expect(p.undone).toEqual([`withdraw-stock ${p.supplier.receiveStockInquiry.mock.calls[0][0].inquiryId}`]);
      expect(p.statuses).toEqual(['cancelled']);
    });

    it('confirms what was committed under the accept policy', async () => {
      const p = automaticParties();
      shortBy(p);
      const o = purchaseOrder([['DE-BOLT', 10]], 'accept');
      await runOrders(env, p, async (start) => {
        const handle = await start(o);
        const view = await until(handle, awaitingPayment);
        expect(view.confirmation!.lines).toMatchObject([{ lineNo: 1, quantity: 6 }]);
        expect(view.partialFill!.backOrderId).toBeUndefined();
        await stop(handle);
      });
      expect(p.placeBackOrder).not.toHaveBeenCalled();
    });

    it('confirms what was committed and orders the rest again under the back-order policy', async () => {
      const p = automaticParties();
      shortBy(p);
      const o = purchaseOrder([['DE-BOLT', 10], ['DE-NUT', 3]], 'back-order');
      await runOrders(env, p, async (start) => {
        const handle = await start(o);
        // The back order is placed once the confirmation has reached the buyer, while the order waits for the payment.
        const view = await until(handle, (v) => awaitingPayment(v) && v.partialFill?.backOrderId !== undefined);
        // DE-NUT: asked 3, committed 0 — it is left out of the confirmation entirely.
        expect(view.confirmation!.lines).toMatchObject([{ lineNo: 1, quantity: 6 }]);
        expect(view.partialFill!.backOrderId).toBe('back-order-1');
        await stop(handle);
      });
      expect(p.placeBackOrder).toHaveBeenCalledWith(expect.objectContaining({ orderId: o.orderId }), [
        { lineNo: 1, sku: 'DE-BOLT', quantity: 4 },
        { lineNo: 2, sku: 'DE-NUT', quantity: 3 },
      ]);
    });
  });

  it('books the next best carrier when the chosen one rejects the transport notice', async () => {
    const p = automaticParties();
    p.carrier.receiveTransportNotice.mockResolvedValue({ mode: 'manual' });
    const o = purchaseOrder([['DE-BOLT', 1]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(o);
      const first = await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'transport-acceptance'));
      const notice = p.carrier.receiveTransportNotice.mock.calls[0][0];
      expect(notice.carrierId).toBe('c1');
      expect(first.bookings).toMatchObject([{ carrierId: 'c1', status: 'awaiting-acceptance' }]);
      await handle.executeUpdate(transportRejectionUpdate, {
        args: [{ noticeId: notice.noticeId, orderId: o.orderId, carrierId: 'c1', rejectedBy: 'desk', reason: 'no truck', rejectedAt: 'now' }],
      });
      const rebooked = await until(handle, (v) => v.bookings.some((b) => b.carrierId === 'c2'));
      expect(rebooked.bookings.map((b) => b.carrierId)).toEqual(['c2']);
      await stop(handle);
    });
    expect(p.undone[0]).toBe(`cancel-transport ${p.carrier.receiveTransportNotice.mock.calls[0][0].noticeId}`);
    expect(p.messages.some((m) => m.name === 'rebooking')).toBe(true);
  });

  it('asks a carrier again when its quote has expired before the order goes on', async () => {
    const p = automaticParties();
    let asked = 0;
    p.carrier.receiveShippingInquiry.mockImplementation(async (inquiry) => {
      const quote = quoteFor(inquiry);
      // c1's first quote was only good until long ago; its second is good.
      if (inquiry.carrierId === 'c1' && asked++ === 0) quote.validUntil = '2000-01-01T00:00:00.000Z';
      return { mode: 'automatic', answer: quote };
    });
    const o = purchaseOrder([['DE-BOLT', 1]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(o);
      const view = await until(handle, awaitingPayment);
      expect(view.confirmation!.freight).toMatchObject([{ carrierId: 'c1', price: { amountMinor: 5000 } }]);
      await stop(handle);
    });
    const c1 = p.carrier.receiveShippingInquiry.mock.calls.filter(([i]) => i.carrierId === 'c1');
    expect(c1).toHaveLength(2);
    expect(p.undone).toContain(`withdraw-shipping ${c1[0][0].inquiryId}`);
    expect(p.messages.some((m) => m.name === 'quote-expired')).toBe(true);
  });

  it('undoes everything in reverse order when the payment is declined', async () => {
    const p = automaticParties();
    p.gateway.receivePaymentNotice.mockResolvedValue({ status: 'declined', reason: 'over the credit limit' });
    const o = purchaseOrder([['DE-BOLT', 1]]);
    const final = await runOrders(env, p, async (start) => {
      const handle = await start(o);
      const view = await until(handle, awaitingPayment);
      await released(handle, p);
      await handle.executeUpdate(paymentNoticeUpdate, {
        args: [{ orderId: o.orderId, buyerId: 'b1', amount: view.confirmation!.amountDue, paymentReference: 'r', paidBy: 'x' }],
      });
      const result = await handle.result();
      await saveHistory(handle, 'payment-declined');
      return result;
    });
    expect(final.status).toBe('cancelled');
    expect(final.cancellation!.reason).toBe('payment declined: over the credit limit');
    // The quote not booked was withdrawn once its rival accepted. Then the undo, latest first: the
    // carrier was booked before the goods were released to it, so the release is undone first.
    expect(p.undone.map((u) => u.split(' ')[0])).toEqual([
      'withdraw-shipping',
      'refund',
      'recall-dispatch',
      'cancel-transport',
      'withdraw-shipping',
      'withdraw-stock',
    ]);
    expect(final.compensations.every((c: { status: string }) => c.status === 'done')).toBe(true);
  });

  it('cancels when the buyer does not pay by the deadline', async () => {
    const p = automaticParties();
    const o = purchaseOrder([['DE-BOLT', 1]]);
    const final = await runOrders(env, p, async (start) => {
      const handle = await start(o);
      await until(handle, awaitingPayment);
      await released(handle, p);
      await env.sleep(73 * HOUR);
      return handle.result();
    });
    expect(final.status).toBe('cancelled');
    expect(final.cancellation!.reason).toMatch(/^no payment by /);
    expect(p.buyer.remind).toHaveBeenCalledWith(expect.objectContaining({ waitingFor: 'payment' }));
    expect(p.undone.some((u) => u.startsWith('recall-dispatch'))).toBe(true);
  });

  it('lets the buyer cancel while sourcing, and not once the goods are released', async () => {
    const p = automaticParties();
    p.supplier.receiveStockInquiry.mockResolvedValue({ mode: 'manual' });
    const early = purchaseOrder([['DE-BOLT', 1]]);
    const late = purchaseOrder([['DE-BOLT', 1]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(early);
      await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      await handle.executeUpdate(cancelOrderUpdate, { args: [{ requestedBy: 'maria', reason: 'not needed' }] });
      const final = await handle.result();
      expect(final.status).toBe('cancelled');
      expect(final.cancellation).toMatchObject({ requestedBy: 'maria' });
      expect(p.undone).toEqual([`withdraw-stock ${p.supplier.receiveStockInquiry.mock.calls[0][0].inquiryId}`]);

      p.supplier.receiveStockInquiry.mockImplementation(async (inquiry) => ({ mode: 'automatic', answer: answerTo(inquiry) }));
      const lateHandle = await start(late);
      await until(lateHandle, awaitingPayment);
      await released(lateHandle, p);
      await expect(
        lateHandle.executeUpdate(cancelOrderUpdate, { args: [{ requestedBy: 'maria', reason: 'too late' }] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      await stop(lateHandle);
    });
  });

  it('hands a compensation that cannot succeed to an operator, and finishes once it is resolved by hand', async () => {
    const p = automaticParties();
    p.gateway.receivePaymentNotice.mockResolvedValue({ status: 'declined', reason: 'card stolen' });
    p.carrier.cancelTransport.mockRejectedValue(
      ApplicationFailure.create({ type: 'CompensationImpossible', message: 'truck already left', nonRetryable: true }),
    );
    const o = purchaseOrder([['DE-BOLT', 1]]);
    await runOrders(env, p, async (start) => {
      const handle = await start(o);
      const view = await until(handle, awaitingPayment);
      await released(handle, p);
      await handle.executeUpdate(paymentNoticeUpdate, {
        args: [{ orderId: o.orderId, buyerId: 'b1', amount: view.confirmation!.amountDue, paymentReference: 'r', paidBy: 'x' }],
      });
      const stuck = await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'operator'));
      expect(stuck.status).toBe('cancelling');
      const record = stuck.compensations.find((c) => c.status === 'stuck')!;
      expect(record).toMatchObject({ kind: 'cancel-transport', error: 'truck already left' });
      // Everything else was still undone (the quote not booked was withdrawn before, once its rival accepted).
      expect(p.undone.map((u) => u.split(' ')[0])).toEqual(['withdraw-shipping', 'refund', 'recall-dispatch', 'withdraw-shipping', 'withdraw-stock']);
      await handle.executeUpdate(resolveCompensationUpdate, {
        args: [{ compensationId: record.compensationId, resolution: 'resolved-manually', resolvedBy: 'ops' }],
      });
      const final = await handle.result();
      expect(final.status).toBe('cancelled');
      expect(final.compensations.find((c: { compensationId: string }) => c.compensationId === record.compensationId)!.status).toBe('resolved-manually');
    });
  });
});
