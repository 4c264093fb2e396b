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
