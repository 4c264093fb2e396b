import { uuid4 } from '@temporalio/workflow';
import type {
  Booking,
  PartyRef,
  ShippingQuote,
  TransportAcceptance,
  TransportNotice,
  TransportRejection,
} from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { awaitParty } from './deadlines';
import { OrderCancelled, type OrderContext, type Pending } from './order-context';
import { freshBest, withdrawInquiry, type OriginQuotes } from './shipping';

/**
 * Step 7, transport: the best quote's carrier gets the transport notice. If it rejects, or lets
 * its deadline pass, that booking is cancelled and the next best quote is booked.
 */
export async function bookTransport(ctx: OrderContext, origin: OriginQuotes): Promise<Booking> {
  for (;;) {
    const quote = await freshBest(ctx, origin);
    const booking = await book(ctx, origin, quote);
    if (typeof booking !== 'string') return booking;
    origin.ranked = origin.ranked.filter((q) => q !== quote);
    await withdrawInquiry(ctx, quote.inquiryId, 'booking not taken');
    if (origin.ranked.length === 0) {
      throw new OrderCancelled(`no carrier took the shipment from ${origin.shipment.origin.code}; last: ${booking}`);
    }
    await ctx.record('rebooking', DISTRIBUTOR, { role: 'carrier', id: origin.ranked[0].carrierId }, {
      origin: origin.shipment.origin.code,
      from: quote.carrierId,
      to: origin.ranked[0].carrierId,
      reason: booking,
    });
  }
}

/** The accepted booking, or why it was not taken. */
async function book(ctx: OrderContext, origin: OriginQuotes, quote: ShippingQuote): Promise<Booking | string> {
  const party: PartyRef = { role: 'carrier', id: quote.carrierId };
  const terms = await ctx.termsOf(party);
  const notice: TransportNotice = {
    noticeId: uuid4(),
    orderId: ctx.order.orderId,
    carrierId: quote.carrierId,
    inquiryId: quote.inquiryId,
    origin: origin.shipment.origin,
    destination: ctx.order.shipTo,
    pickupDate: quote.pickupDate,
    deliveryDate: quote.deliveryDate,
    price: quote.price,
  };
  const pending: Pending<TransportNotice, TransportAcceptance | TransportRejection> = { message: notice };
  ctx.transportNotices.set(notice.noticeId, pending);
  const cancellation = ctx.compensations.register({
    kind: 'cancel-transport',
    party,
    subjectId: notice.noticeId,
    run: (reason) => ctx.carrier.undo.cancelTransport(notice.noticeId, reason),
  });
  const booking: Booking = {
    originCode: origin.shipment.origin.code,
    carrierId: quote.carrierId,
    noticeId: notice.noticeId,
    price: quote.price,
    pickupDate: quote.pickupDate,
    deliveryDate: quote.deliveryDate,
    status: 'awaiting-acceptance',
  };
  ctx.view.bookings.push(booking);
  await ctx.record('transport-notice', DISTRIBUTOR, party, notice);
  const reply = await ctx.carrier.forward.receiveTransportNotice(notice);
  if (reply.mode === 'automatic') pending.answer ??= reply.answer;
  const answered =
    reply.mode !== 'declined' &&
    (await awaitParty(ctx, {
      what: `acceptance of the transport from ${booking.originCode} by ${quote.carrierId}`,
      terms,
      answered: () => pending.answer !== undefined,
      waitingFor: (deadline) => ({ kind: 'transport-acceptance', carrierId: quote.carrierId, noticeId: notice.noticeId, deadline }),
      reminder: (deadline) => ({ orderId: ctx.order.orderId, subjectId: notice.noticeId, waitingFor: 'transport-acceptance', deadline }),
      remind: (reminder) => ctx.carrier.forward.remind(reminder),
    }));
  pending.closed = true;
  if (answered && pending.answer && 'acceptedBy' in pending.answer) {
    booking.status = 'accepted';
    ctx.touch();
    // Orders that began before acceptances were logged replay without the entry.
    if (ctx.changed('log-transport-acceptance')) await ctx.record('transport-acceptance', party, DISTRIBUTOR, pending.answer);
    return booking;
  }
  ctx.view.bookings = ctx.view.bookings.filter((b) => b !== booking);
  const reason =
    reply.mode === 'declined'
      ? `declined: ${reply.reason}`
      : pending.answer && 'rejectedBy' in pending.answer
        ? `rejected by ${pending.answer.rejectedBy}: ${pending.answer.reason}`
        : 'not accepted by the deadline';
  await ctx.compensations.runNow(cancellation, reason);
  return reason;
}
