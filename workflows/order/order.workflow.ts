import { CancellationScope, isCancellation, uuid4 } from '@temporalio/workflow';
import type { Booking, DispatchNotice, OrderConfirmation, OrderView, PurchaseOrder, StockAnswer } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { bookTransport } from './booking';
import { buildConfirmation, committedOnly, findShortLines, groupByOrigin, remainderLines } from './decisions';
import { handleUpdates } from './handlers';
import { isoNow } from './clock';
import { OrderContext } from './order-context';
import { OrderCancelled } from './order-state';
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
  handleUpdates(ctx.state, forward);
  try {
    await forward.run(() => fulfil(ctx));
  } catch (error) {
    const { cancelRequest } = ctx.state;
    const reason = cancelRequest
      ? `cancelled by the buyer (${cancelRequest.requestedBy}): ${cancelRequest.reason}`
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
  const { order, state } = ctx;
  // Step 1: the purchase order has arrived.
  await ctx.log.record('purchase-order', state.buyerRef, DISTRIBUTOR, order);
  const plan = await ctx.distributor.planSourcing(order);
  state.keepTerms(plan.terms);

  // Steps 2 and 3.
  const answers = committedOnly(await sourceStock(ctx, plan.lines));
  await decidePartialFill(ctx, answers);

  // Steps 4 and 5: every carrier serving each origin quotes.
  state.view.status = 'quoting';
  state.touch();
  const shipments = groupByOrigin(answers, plan.unitWeightGrams);
  const choices = await ctx.distributor.chooseCarriers(
    shipments.map((s) => s.origin),
    order.shipTo.country,
  );
  for (const choice of choices) state.keepTerms(choice.terms);
  const origins = await Promise.all(shipments.map((s, i) => quoteOrigin(ctx, s, choices[i].carrierIds)));
  const chosen = [];
  for (const origin of origins) chosen.push({ originCode: origin.shipment.origin.code, quote: await freshBest(ctx, origin) });

  // Step 6: confirm to the buyer (the goods are released once their carrier has accepted).
  const confirmation = buildConfirmation(order, answers, chosen, isoNow());
  // From here the order takes the payment. The buyer's service takes one only against the
  // confirmation it has received, so none comes earlier, and one sent the moment the
  // confirmation arrives is not refused because this task has not yet seen it delivered.
  state.view.confirmation = confirmation;
  state.view.status = 'awaiting-transport-and-payment';
  state.touch();
  await ctx.log.record('order-confirmation', DISTRIBUTOR, state.buyerRef, confirmation);
  await confirmBookAndSettle(ctx, confirmation, answers, origins);
  ctx.compensations.clear();
}

/**
 * Steps 6 to 8 at once: the confirmation goes to the buyer while each origin's carrier is booked
 * (its suppliers then get their dispatch notice naming it, and the quotes not booked are
 * withdrawn) and while the buyer pays; the transfer notice ends it.
 */
async function confirmBookAndSettle(ctx: OrderContext, confirmation: OrderConfirmation, answers: StockAnswer[], origins: OriginQuotes[]): Promise<void> {
  const delivered = ctx.parties.buyer.forward.receiveOrderConfirmation(confirmation);
  await Promise.all([
    delivered.then(() => placeBackOrder(ctx)),
    ...origins.map(async (origin) => {
      const booking = await bookTransport(ctx, origin);
      const booked = ctx.state.transportNotices.get(booking.noticeId)!.message.inquiryId;
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

/** What the suppliers could not commit goes by the buyer's policy on the order. */
async function decidePartialFill(ctx: OrderContext, answers: StockAnswer[]): Promise<void> {
  const { order, state } = ctx;
  const shortLines = findShortLines(order, answers);
  if (shortLines.length === 0) return;
  state.view.partialFill = { policy: order.partialFill, shortLines };
  state.touch();
  await ctx.log.record('partial-fill-decision', DISTRIBUTOR, state.buyerRef, state.view.partialFill);
  const detail = shortLines.map((s) => `line ${s.lineNo} (${s.sku}): asked ${s.asked}, committed ${s.committed}`).join('; ');
  if (order.partialFill === 'cancel') throw new OrderCancelled(`not fillable as ordered: ${detail}`);
  if (answers.length === 0) throw new OrderCancelled(`nothing could be committed: ${detail}`);
}

async function placeBackOrder(ctx: OrderContext): Promise<void> {
  const partial = ctx.state.view.partialFill;
  if (!partial || partial.policy !== 'back-order') return;
  partial.backOrderId = await ctx.distributor.placeBackOrder(ctx.order, remainderLines(ctx.order, partial.shortLines));
  await ctx.log.record('back-order', DISTRIBUTOR, ctx.state.buyerRef, { backOrderId: partial.backOrderId, lines: partial.shortLines });
}

/** Step 6, to each supplier of one origin: hand the reserved goods to the carrier that accepted. */
async function dispatch(ctx: OrderContext, answers: StockAnswer[], booking: Booking): Promise<void> {
  ctx.state.dispatched = true;
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
        run: (reason) => ctx.parties.supplier.undo.recallDispatchNotice(notice.noticeId, reason),
      });
      await ctx.log.record('dispatch-notice', DISTRIBUTOR, party, notice);
      await ctx.parties.supplier.forward.receiveDispatchNotice(notice);
    }),
  );
}

async function undo(ctx: OrderContext, reason: string): Promise<void> {
  const { state } = ctx;
  const { cancelRequest, view } = state;
  view.status = 'cancelling';
  view.waitingFor = [];
  view.cancellation = { reason, at: isoNow(), ...(cancelRequest ? { requestedBy: cancelRequest.requestedBy } : {}) };
  state.touch();
  const [from, to] = cancelRequest ? [state.buyerRef, DISTRIBUTOR] : [DISTRIBUTOR, state.buyerRef];
  await ctx.log.record('cancellation', from, to, view.cancellation);
  await ctx.compensations.undoAll(reason);
}

async function finish(ctx: OrderContext, status: 'completed' | 'cancelled'): Promise<OrderView> {
  const { view } = ctx.state;
  view.status = status;
  view.waitingFor = [];
  ctx.state.touch();
  await ctx.log.close(status);
  return view;
}
