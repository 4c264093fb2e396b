import { uuid4 } from '@temporalio/workflow';
import type { PartyRef, ShippingInquiry, ShippingQuote } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { awaitParty } from './deadlines';
import { rankQuotes, type Shipment } from './decisions';
import { OrderCancelled, type OrderContext, type Pending } from './order-context';

/** The quotes for one origin that can deliver in time, best first. */
export interface OriginQuotes {
  shipment: Shipment;
  carrierIds: string[];
  ranked: ShippingQuote[];
}

/**
 * Steps 4 and 5 for one origin: every carrier serving the route is asked at once. A carrier that
 * declines or misses its deadline is withdrawn from; the others' quotes are ranked.
 */
export async function quoteOrigin(ctx: OrderContext, shipment: Shipment, carrierIds: string[]): Promise<OriginQuotes> {
  if (carrierIds.length === 0) throw new OrderCancelled(`no carrier serves ${shipment.origin.code}`);
  const quotes = await Promise.all(carrierIds.map((carrierId) => askCarrier(ctx, shipment, carrierId)));
  const ranked = rankQuotes(quotes.filter((q): q is ShippingQuote => q !== undefined), ctx.order.wantedBy, carrierIds);
  if (ranked.length === 0) {
    throw new OrderCancelled(`no carrier quoted delivery from ${shipment.origin.code} by ${ctx.order.wantedBy}`);
  }
  return { shipment, carrierIds, ranked };
}

/**
 * A quote must still be valid when the order goes on: an expired best quote is asked again of
 * the same carrier, and the quotes are ranked anew.
 */
export async function freshBest(ctx: OrderContext, origin: OriginQuotes): Promise<ShippingQuote> {
  for (let attempt = 0; origin.ranked.length > 0; attempt++) {
    const best = origin.ranked[0];
    if (best.validUntil >= new Date().toISOString()) return best;
    origin.ranked.shift();
    await ctx.record('quote-expired', DISTRIBUTOR, { role: 'carrier', id: best.carrierId }, { inquiryId: best.inquiryId, validUntil: best.validUntil });
    await withdrawInquiry(ctx, best.inquiryId, 'quote expired');
    if (attempt >= origin.carrierIds.length * 2) continue;
    const again = await askCarrier(ctx, origin.shipment, best.carrierId);
    if (again) origin.ranked = rankQuotes([...origin.ranked, again], ctx.order.wantedBy, origin.carrierIds);
  }
  throw new OrderCancelled(`no valid quote left for ${origin.shipment.origin.code}`);
}

export function withdrawInquiry(ctx: OrderContext, inquiryId: string, reason: string): Promise<void> {
  const pending = ctx.shippingInquiries.get(inquiryId);
  if (pending) pending.closed = true;
  return ctx.compensations.runNow(`withdraw-shipping-inquiry:${inquiryId}`, reason);
}

async function askCarrier(ctx: OrderContext, shipment: Shipment, carrierId: string): Promise<ShippingQuote | undefined> {
  const party: PartyRef = { role: 'carrier', id: carrierId };
  const terms = await ctx.termsOf(party);
  const inquiry: ShippingInquiry = {
    inquiryId: uuid4(),
    orderId: ctx.order.orderId,
    carrierId,
    origin: shipment.origin,
    destination: ctx.order.shipTo,
    weightGrams: shipment.weightGrams,
    lineCount: shipment.lines.length,
    readyDate: shipment.readyDate,
    wantedBy: ctx.order.wantedBy,
    currency: ctx.order.currency,
  };
  const pending: Pending<ShippingInquiry, ShippingQuote> = { message: inquiry };
  ctx.shippingInquiries.set(inquiry.inquiryId, pending);
  ctx.compensations.register({
    kind: 'withdraw-shipping-inquiry',
    party,
    subjectId: inquiry.inquiryId,
    run: (reason) => ctx.carrier.undo.withdrawShippingInquiry(inquiry.inquiryId, reason),
  });
  await ctx.record('shipping-inquiry', DISTRIBUTOR, party, inquiry);
  const reply = await ctx.carrier.forward.receiveShippingInquiry(inquiry);
  if (reply.mode === 'automatic') pending.answer ??= reply.answer;
  const answered =
    reply.mode !== 'declined' &&
    (await awaitParty(ctx, {
      what: `shipping quote from ${carrierId}`,
      terms,
      answered: () => pending.answer !== undefined,
      waitingFor: (deadline) => ({ kind: 'shipping-quote', carrierId, inquiryId: inquiry.inquiryId, deadline }),
      reminder: (deadline) => ({ orderId: ctx.order.orderId, subjectId: inquiry.inquiryId, waitingFor: 'shipping-quote', deadline }),
      remind: (reminder) => ctx.carrier.forward.remind(reminder),
    }));
  if (!answered) {
    const reason = reply.mode === 'declined' ? `declined: ${reply.reason}` : 'no quote by the deadline';
    if (reply.mode === 'declined') {
      await ctx.record('escalation', DISTRIBUTOR, party, { what: `shipping inquiry to ${carrierId}`, reason, action: 'next-candidate' });
    }
    await withdrawInquiry(ctx, inquiry.inquiryId, reason);
    return undefined;
  }
  await ctx.record('shipping-quote', party, DISTRIBUTOR, pending.answer);
  return pending.answer;
}
