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
import { askParty } from './ask-party';
import type { OrderContext } from './order-context';
import { OrderCancelled } from './order-state';
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
    await ctx.log.record('rebooking', DISTRIBUTOR, { role: 'carrier', id: origin.ranked[0].carrierId }, {
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
  const booking: Booking = {
    originCode: origin.shipment.origin.code,
    carrierId: quote.carrierId,
    noticeId: notice.noticeId,
    price: quote.price,
    pickupDate: quote.pickupDate,
    deliveryDate: quote.deliveryDate,
    status: 'awaiting-acceptance',
  };
  const { view } = ctx.state;
  view.bookings.push(booking);
  const carrier = ctx.parties.carrier;
  const asked = await askParty<TransportNotice, TransportAcceptance | TransportRejection>(ctx, {
    party,
    name: 'transport-notice',
    message: notice,
    subjectId: notice.noticeId,
    open: ctx.state.transportNotices,
    undo: { kind: 'cancel-transport', run: (reason) => carrier.undo.cancelTransport(notice.noticeId, reason) },
    send: (m) => carrier.forward.receiveTransportNotice(m),
    what: `acceptance of the transport from ${booking.originCode} by ${quote.carrierId}`,
    waitingFor: (deadline) => ({ kind: 'transport-acceptance', carrierId: quote.carrierId, noticeId: notice.noticeId, deadline }),
    reminder: 'transport-acceptance',
    remind: (reminder) => carrier.forward.remind(reminder),
  });
  const answer = asked.pending.answer;
  asked.pending.closed = true;
  if (asked.answered && answer && 'acceptedBy' in answer) {
    booking.status = 'accepted';
    ctx.state.touch();
    await ctx.log.record('transport-acceptance', party, DISTRIBUTOR, answer);
    return booking;
  }
  view.bookings = view.bookings.filter((b) => b !== booking);
  const reason =
    asked.declined !== undefined
      ? `declined: ${asked.declined}`
      : answer && 'rejectedBy' in answer
        ? `rejected by ${answer.rejectedBy}: ${answer.reason}`
        : 'not accepted by the deadline';
  await ctx.compensations.runNow(asked.compensationId, reason);
  return reason;
}
