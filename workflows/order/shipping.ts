import { uuid4 } from '@temporalio/workflow';
import type { PartyRef, ShippingInquiry, ShippingQuote } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { askParty, escalateDeclined } from './ask-party';
import { isoNow } from './clock';
import { rankQuotes, type Shipment } from './decisions';
import type { OrderContext } from './order-context';
import { OrderCancelled } from './order-state';

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
    if (best.validUntil >= isoNow()) return best;
    origin.ranked.shift();
    await ctx.log.record('quote-expired', DISTRIBUTOR, { role: 'carrier', id: best.carrierId }, { inquiryId: best.inquiryId, validUntil: best.validUntil });
    await withdrawInquiry(ctx, best.inquiryId, 'quote expired');
    if (attempt >= origin.carrierIds.length * 2) continue;
    const again = await askCarrier(ctx, origin.shipment, best.carrierId);
    if (again) origin.ranked = rankQuotes([...origin.ranked, again], ctx.order.wantedBy, origin.carrierIds);
  }
  throw new OrderCancelled(`no valid quote left for ${origin.shipment.origin.code}`);
}

export function withdrawInquiry(ctx: OrderContext, inquiryId: string, reason: string): Promise<void> {
  const pending = ctx.state.shippingInquiries.get(inquiryId);
  if (pending) pending.closed = true;
  return ctx.compensations.runNow(`withdraw-shipping-inquiry:${inquiryId}`, reason);
}

async function askCarrier(ctx: OrderContext, shipment: Shipment, carrierId: string): Promise<ShippingQuote | undefined> {
  const party: PartyRef = { role: 'carrier', id: carrierId };
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
  const carrier = ctx.parties.carrier;
  const asked = await askParty(ctx, {
    party,
    name: 'shipping-inquiry',
    message: inquiry,
    subjectId: inquiry.inquiryId,
    open: ctx.state.shippingInquiries,
    undo: { kind: 'withdraw-shipping-inquiry', run: (reason) => carrier.undo.withdrawShippingInquiry(inquiry.inquiryId, reason) },
    send: (m) => carrier.forward.receiveShippingInquiry(m),
    what: `shipping quote from ${carrierId}`,
    waitingFor: (deadline) => ({ kind: 'shipping-quote', carrierId, inquiryId: inquiry.inquiryId, deadline }),
    reminder: 'shipping-quote',
    remind: (reminder) => carrier.forward.remind(reminder),
  });
  if (!asked.answered) {
    const reason = asked.declined !== undefined ? `declined: ${asked.declined}` : 'no quote by the deadline';
    if (asked.declined !== undefined) await escalateDeclined(ctx, party, `shipping inquiry to ${carrierId}`, reason);
    await withdrawInquiry(ctx, inquiry.inquiryId, reason);
    return undefined;
  }
  await ctx.log.record('shipping-quote', party, DISTRIBUTOR, asked.pending.answer);
  return asked.pending.answer;
}
