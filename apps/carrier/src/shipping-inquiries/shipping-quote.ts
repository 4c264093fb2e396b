import { addDays, isoDate, laterOf, type ShippingInquiry, type ShippingQuote } from '@tradelane/contracts';
import type { RateCard } from '../carriers/rate-card.entity';

/** The most specific rate card for a lane: exact countries beat wildcards. */
export function pickRateCard(cards: RateCard[], inquiry: ShippingInquiry): RateCard | undefined {
  const score = (c: RateCard) =>
    (c.originCountry === inquiry.origin.country ? 2 : c.originCountry === '*' ? 0 : -10) +
    (c.destinationCountry === inquiry.destination.country ? 1 : c.destinationCountry === '*' ? 0 : -10);
  return cards
    .filter((c) => c.currency === inquiry.currency && score(c) >= 0)
    .sort((a, b) => score(b) - score(a) || a.id - b.id)[0];
}

export interface PersonQuote {
  quotedBy: string;
  priceMinor?: number;
  pickupDate?: string;
  deliveryDate?: string;
  /** ISO timestamp; the caller checks that it lies in the future. */
  validUntil?: string;
}

/** A quote with no validity of its own holds this long. */
export const DEFAULT_QUOTE_VALID_HOURS = 24;

/**
 * The shipping quote (step 5): price from the rate card (base plus per started kilogram),
 * pickup when the goods are ready, delivery after the lane's transit time, valid for the lane's
 * quote hours. A person's figures win.
 */
export function buildShippingQuote(
  inquiry: ShippingInquiry,
  card: RateCard | undefined,
  now: Date,
  person?: PersonQuote,
): ShippingQuote {
  const today = isoDate(now);
  const pickupDate = person?.pickupDate ?? laterOf(inquiry.readyDate, today);
  const transit = card?.transitDays ?? 0;
  const price =
    person?.priceMinor ??
    (card ? card.baseMinor + card.perKgMinor * Math.ceil(inquiry.weightGrams / 1000) : undefined);
  if (price === undefined) throw new RangeError('no rate card for this lane and no price given');
  return {
    inquiryId: inquiry.inquiryId,
    orderId: inquiry.orderId,
    carrierId: inquiry.carrierId,
    quotedBy: person?.quotedBy ?? 'automatic',
    pickupDate,
    deliveryDate: person?.deliveryDate ?? addDays(pickupDate, transit),
    route: `${inquiry.origin.code} → ${inquiry.destination.city} (${inquiry.destination.country})`,
    mode: card?.mode ?? 'road',
    price: { amountMinor: price, currency: inquiry.currency },
    validUntil: person?.validUntil
      ? new Date(person.validUntil).toISOString()
      : new Date(now.getTime() + (card?.quoteValidHours ?? DEFAULT_QUOTE_VALID_HOURS) * 3_600_000).toISOString(),
  };
}
