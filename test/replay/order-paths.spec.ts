import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cancelOrderUpdate, shippingQuoteUpdate, stockAnswerUpdate, transportAcceptanceUpdate } from '../../workflows/order/definitions';
import { startTimeSkippingServer } from '../support/time-skipping';
import { saveHistory } from './history-files';
import {
  HOUR,
  acceptanceOf,
  answerTo,
  automaticParties,
  payAndSettle,
  purchaseOrder,
  quoteFor,
  runOrder,
  until,
  waitingFor,
} from '../support/order-harness';

/**
 * Paths of the flow that the workflow spec leaves running, driven here to their end so each
 * is a closed history for the replay gate (`npm run histories:refresh` saves them).
 */
describe('order paths saved for the replay gate', () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    ({ env } = await startTimeSkippingServer());
  });
  afterEach(async () => {
    await env?.teardown();
  });

  it('people: a clerk answers the stock inquiry, desks quote and accept, the buyer pays; the order completes', async () => {
    const p = automaticParties();
    p.supplier.receiveStockInquiry.mockResolvedValue({ mode: 'manual' });
    p.carrier.receiveShippingInquiry.mockResolvedValue({ mode: 'manual' });
    p.carrier.receiveTransportNotice.mockResolvedValue({ mode: 'manual' });
    const o = purchaseOrder([['DE-BOLT', 10]]);
    const final = await runOrder(env, p, o, async (handle) => {
      await until(handle, waitingFor('stock-answer'));
      const inquiry = p.supplier.receiveStockInquiry.mock.calls[0][0];
      await handle.executeUpdate(stockAnswerUpdate, { args: [answerTo(inquiry, 'clerk')] });
      await until(handle, (v) => v.waitingFor.filter((w) => w.kind === 'shipping-quote').length === 2);
      for (const [shippingInquiry] of p.carrier.receiveShippingInquiry.mock.calls) {
        await handle.executeUpdate(shippingQuoteUpdate, { args: [quoteFor(shippingInquiry, 'desk')] });
      }
      await until(handle, waitingFor('transport-acceptance'));
      const notice = p.carrier.receiveTransportNotice.mock.calls[0][0];
      await handle.executeUpdate(transportAcceptanceUpdate, { args: [acceptanceOf(notice, 'dispatcher')] });
      await payAndSettle(handle, o);
      const result = await handle.result();
      await saveHistory(handle, 'people');
      return result;
    });
    expect(final.status).toBe('completed');
    expect(final.bookings).toMatchObject([{ carrierId: 'c1', status: 'accepted' }]);
  });

  it('escalation: a supplier misses its deadline, the next one answers, and the order completes', async () => {
    const p = automaticParties();
    p.supplier.receiveStockInquiry.mockImplementation(async (inquiry) =>
      inquiry.supplierId === 's1' ? { mode: 'manual' } : { mode: 'automatic', answer: answerTo(inquiry) },
    );
    const o = purchaseOrder([['DE-BOLT', 10]]);
    const final = await runOrder(env, p, o, async (handle) => {
      await until(handle, waitingFor('stock-answer'));
      await env.sleep(21 * HOUR);
      await until(handle, () => p.supplier.remind.mock.calls.length > 0);
      await env.sleep(4 * HOUR);
      await payAndSettle(handle, o);
      const result = await handle.result();
      await saveHistory(handle, 'escalation');
      return result;
    });
    expect(final.status).toBe('completed');
    expect(final.confirmation!.lines.map((l: { supplierId: string }) => l.supplierId)).toEqual(['s2']);
    expect(p.supplier.withdrawStockInquiry).toHaveBeenCalledTimes(1);
  });

  it('late cancellation: the buyer cancels after the confirmation, while the booking awaits acceptance; everything is undone', async () => {
    const p = automaticParties();
    p.carrier.receiveTransportNotice.mockResolvedValue({ mode: 'manual' });
    const o = purchaseOrder([['DE-BOLT', 1]]);
    const final = await runOrder(env, p, o, async (handle) => {
      await until(handle, waitingFor('transport-acceptance'));
      await handle.executeUpdate(cancelOrderUpdate, { args: [{ requestedBy: 'maria', reason: 'found it cheaper' }] });
      const result = await handle.result();
      await saveHistory(handle, 'late-cancellation');
      return result;
    });
    expect(final.status).toBe('cancelled');
    expect(final.cancellation).toMatchObject({ requestedBy: 'maria' });
    expect(final.confirmation).toBeDefined();
    expect(p.carrier.cancelTransport).toHaveBeenCalledTimes(1);
    expect(p.supplier.withdrawStockInquiry).toHaveBeenCalledTimes(1);
  });

  it('partial fill under the back-order policy: the committed part is confirmed, paid and completed', async () => {
    const p = automaticParties();
    p.supplier.receiveStockInquiry.mockImplementation(async (inquiry) => ({
      mode: 'automatic',
      answer: answerTo(inquiry, 'automatic', (q) => q - 4),
    }));
    const o = purchaseOrder([['DE-BOLT', 10]], 'back-order');
    const final = await runOrder(env, p, o, async (handle) => {
      await payAndSettle(handle, o);
      const result = await handle.result();
      await saveHistory(handle, 'partial-fill-back-order');
      return result;
    });
    expect(final.status).toBe('completed');
    expect(final.partialFill).toMatchObject({ policy: 'back-order', backOrderId: 'back-order-1' });
    expect(final.confirmation!.lines).toMatchObject([{ lineNo: 1, quantity: 6 }]);
  });
});
