import { addDays, isoDate } from '@tradelane/contracts';

export const shipTo = {
  name: 'Muster Maschinenbau GmbH, Goods In',
  line1: 'Industriestr. 5',
  city: 'Köln',
  postalCode: '50667',
  country: 'DE',
};

export function purchaseOrder(lines: { sku: string; quantity: number; priceCeilingMinor?: number }[]) {
  return {
    buyerId: 'muster-maschinenbau',
    lines,
    shipTo,
    wantedBy: addDays(isoDate(new Date()), 21),
    currency: 'EUR',
  };
}

/** The `order` part of a CSV upload: a purchase order without its lines. */
export function purchaseOrderTerms(extra: Record<string, unknown> = {}) {
  const { lines: _fromTheFile, ...terms } = purchaseOrder([]);
  return { ...terms, ...extra };
}

/**
 * The order log of one order for NUT-M8 and BEARING-6204 shipped to `shipTo` with automatic
 * parties: two suppliers, the two origins' carriers (DE-HAM is served by both carriers, SE-GOT by
 * one: every carrier serving a route quotes), one payment.
 */
export const AUTOMATIC_TWO_LINE_ORDER_LOG = {
  'purchase-order': 1,
  'stock-inquiry': 2,
  'stock-answer': 2,
  'shipping-inquiry': 3,
  'shipping-quote': 3,
  'order-confirmation': 1,
  'dispatch-notice': 2,
  'transport-notice': 2,
  'transport-acceptance': 2,
  'payment-notice': 1,
  'transfer-notice': 1,
};
