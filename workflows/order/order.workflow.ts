import { CancellationScope, isCancellation, uuid4 } from '@temporalio/workflow';
import type { Booking, DispatchNotice, OrderConfirmation, OrderView, PurchaseOrder, StockAnswer } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { bookTransport } from './booking';
import { buildConfirmation, committedOnly, findShortLines, groupByOrigin, remainderLines } from './decisions';
import { handleUpdates } from './handlers';
import { OrderCancelled, OrderContext, isoNow } from './order-context';
import { settle } from './settlement';
import { freshBest, quoteOrigin, withdrawInquiry, type OriginQuotes } from './shipping';
import { sourceStock } from './stock';

/**
 * One purchase order, carried through the eight messages of the flow. The distributor's worker
 * runs it; every other party's work runs on that party's queue. Whatever stops the order
 * (the buyer, a decline, a deadline with no escalation left) undoes every effect, latest first.
 */
export async function orderWorkflow(order: PurchaseOrder): Promise<OrderView> {
  const ctx = new OrderContext(order);
  const forward = new CancellationScope();
  handleUpdates(ctx, forward);
  try {
    await forward.run(() => fulfil(ctx));
  } catch (error) {
    const reason = ctx.cancelRequest
      ? `cancelled by the buyer (${ctx.cancelRequest.requestedBy}): ${ctx.cancelRequest.reason}`
      : error instanceof OrderCancelled
        ? error.message
        : isCancellation(error)
          ? 'cancelled'
          : `failed: ${(error as Error).message}`;
    // Stop whatever else is still waiting, then undo outside the cancelled scope.
    forward.cancel();
    await CancellationScope.nonCancellable(() => undo(ctx, reason));
    return finish(ctx, 'cancelled');
  }
  return finish(ctx, 'completed');
}

async function fulfil(ctx: OrderContext): Promise<void> {
  const { order } = ctx;
  // Step 1: the purchase order has arrived.
  await ctx.record('purchase-order', ctx.buyerRef, DISTRIBUTOR, order);
  const plan = await ctx.distributor.planSourcing(order);
  ctx.keepTerms(plan.terms);

  // Steps 2 and 3.
  const answers = committedOnly(await sourceStock(ctx, plan.lines));
  await decidePartialFill(ctx, answers);

  // Steps 4 and 5: every carrier serving each origin quotes.
  ctx.view.status = 'quoting';
  ctx.touch();
  const shipments = groupByOrigin(answers, plan.unitWeightGrams);
  const choices = await ctx.distributor.chooseCarriers(
    shipments.map((s) => s.origin),
    order.shipTo.country,
  );
  for (const choice of choices) ctx.keepTerms(choice.terms);
  const origins = await Promise.all(shipments.map((s, i) => quoteOrigin(ctx, s, choices[i].carrierIds)));
  const chosen = [];
  for (const origin of origins) chosen.push({ originCode: origin.shipment.origin.code, quote: await freshBest(ctx, origin) });

  // Step 6: confirm to the buyer (the goods are released once their carrier has accepted).
  const confirmation = buildConfirmation(order, answers, chosen, isoNow());
  // From here the order takes the payment. The buyer's service takes one only against the
  // confirmation it has received, so none comes earlier, and one sent the moment the
  // confirmation arrives is not refused because this task has not yet seen it delivered.
  ctx.view.confirmation = confirmation;
  ctx.view.status = 'awaiting-transport-and-payment';
  ctx.touch();
  await ctx.record('order-confirmation', DISTRIBUTOR, ctx.buyerRef, confirmation);
  if (ctx.changed('confirm-and-book-together')) await confirmBookAndSettle(ctx, confirmation, answers, origins);
  else await confirmThenBookAndSettle(ctx, confirmation, answers, origins);
  ctx.compensations.clear();
}

/**
 * Steps 6 to 8 at once: the confirmation goes to the buyer while each origin's carrier is booked
 * (its suppliers then get their dispatch notice naming it, and the quotes not booked are
 * withdrawn) and while the buyer pays; the transfer notice ends it.
 */
async function confirmBookAndSettle(ctx: OrderContext, confirmation: OrderConfirmation, answers: StockAnswer[], origins: OriginQuotes[]): Promise<void> {
  const delivered = ctx.buyer.forward.receiveOrderConfirmation(confirmation);
  await Promise.all([
    delivered.then(() => placeBackOrder(ctx)),
    ...origins.map(async (origin) => {
      const booking = await bookTransport(ctx, origin);
      const booked = ctx.transportNotices.get(booking.noticeId)!.message.inquiryId;
      await Promise.all([
        dispatch(ctx, answers.filter((a) => a.lines[0].shipFrom.code === booking.originCode), booking),
        ...origin.ranked
          .filter((quote) => quote.inquiryId !== booked)
          .map((quote) => withdrawInquiry(ctx, quote.inquiryId, 'another quote was booked')),
      ]);
    }),
    settle(ctx, confirmation, delivered),
  ]);
}

/** Orders begun before confirm-and-book-together: booking and payment wait for the confirmation's delivery, withdrawals for the end. */
async function confirmThenBookAndSettle(ctx: OrderContext, confirmation: OrderConfirmation, answers: StockAnswer[], origins: OriginQuotes[]): Promise<void> {
  await ctx.buyer.forward.receiveOrderConfirmation(confirmation);
  await placeBackOrder(ctx);
  // Step 7: book each origin's carrier, then tell its suppliers who picks up (the dispatch
  // notice of step 6); meanwhile the buyer pays. Step 8: the transfer notice.
  await Promise.all([
    ...origins.map(async (origin) => {
      const booking = await bookTransport(ctx, origin);
      await dispatch(ctx, answers.filter((a) => a.lines[0].shipFrom.code === booking.originCode), booking);
    }),
    settle(ctx, confirmation),
  ]);
  // The quotes not booked are withdrawn; everything else stands.
  const booked = new Set(ctx.view.bookings.map((b) => ctx.transportNotices.get(b.noticeId)!.message.inquiryId));
  for (const origin of origins) {
    for (const quote of origin.ranked) {
      if (!booked.has(quote.inquiryId)) await withdrawInquiry(ctx, quote.inquiryId, 'another quote was booked');
    }
  }
}

/** What the suppliers could not commit goes by the buyer's policy on the order. */
async function decidePartialFill(ctx: OrderContext, answers: StockAnswer[]): Promise<void> {
  const { order } = ctx;
  const shortLines = findShortLines(order, answers);
  if (shortLines.length === 0) return;
  ctx.view.partialFill = { policy: order.partialFill, shortLines };
  ctx.touch();
  await ctx.record('partial-fill-decision', DISTRIBUTOR, ctx.buyerRef, ctx.view.partialFill);
  const detail = shortLines.map((s) => `line ${s.lineNo} (${s.sku}): asked ${s.asked}, committed ${s.committed}`).join('; ');
  if (order.partialFill === 'cancel') throw new OrderCancelled(`not fillable as ordered: ${detail}`);
  if (answers.length === 0) throw new OrderCancelled(`nothing could be committed: ${detail}`);
}

async function placeBackOrder(ctx: OrderContext): Promise<void> {
  const partial = ctx.view.partialFill;
  if (!partial || partial.policy !== 'back-order') return;
  partial.backOrderId = await ctx.distributor.placeBackOrder(ctx.order, remainderLines(ctx.order, partial.shortLines));
  await ctx.record('back-order', DISTRIBUTOR, ctx.buyerRef, { backOrderId: partial.backOrderId, lines: partial.shortLines });
}

/** Step 6, to each supplier of one origin: hand the reserved goods to the carrier that accepted. */
async function dispatch(ctx: OrderContext, answers: StockAnswer[], booking: Booking): Promise<void> {
  ctx.dispatched = true;
  await Promise.all(
    answers.map(async (answer) => {
      const notice: DispatchNotice = {
        noticeId: uuid4(),
        orderId: ctx.order.orderId,
        supplierId: answer.supplierId,
        inquiryId: answer.inquiryId,
        carrierId: booking.carrierId,
        pickupDate: booking.pickupDate,
        lines: answer.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantityCommitted })),
      };
      const party = { role: 'supplier', id: answer.supplierId } as const;
      ctx.compensations.register({
        kind: 'recall-dispatch',
        party,
        subjectId: notice.noticeId,
        run: (reason) => ctx.supplier.undo.recallDispatchNotice(notice.noticeId, reason),
      });
      await ctx.record('dispatch-notice', DISTRIBUTOR, party, notice);
      await ctx.supplier.forward.receiveDispatchNotice(notice);
    }),
  );
}

async function undo(ctx: OrderContext, reason: string): Promise<void> {
  ctx.view.status = 'cancelling';
  ctx.view.waitingFor = [];
  ctx.view.cancellation = { reason, at: isoNow(), ...(ctx.cancelRequest ? { requestedBy: ctx.cancelRequest.requestedBy } : {}) };
  ctx.touch();
  const [from, to] = ctx.cancelRequest ? [ctx.buyerRef, DISTRIBUTOR] : [DISTRIBUTOR, ctx.buyerRef];
  await ctx.record('cancellation', from, to, ctx.view.cancellation);
  await ctx.compensations.undoAll(reason);
}

async function finish(ctx: OrderContext, status: 'completed' | 'cancelled'): Promise<OrderView> {
  ctx.view.status = status;
  ctx.view.waitingFor = [];
  ctx.touch();
  await ctx.closeLog(status);
  return ctx.view;
}
