import type { PurchaseOrderLine, SourcedLine } from '@tradelane/contracts';

export interface Offer {
  sku: string;
  supplierId: string;
  unitPriceMinor: number;
  leadDays: number;
  publishedAvailable: number;
}

/**
 * The sourcing policy: suppliers with enough stock for the whole line first, then the lowest
 * price, then the earliest ready date; the supplier id breaks ties so the plan is reproducible.
 * Offers above the line's price ceiling are not candidates at all.
 */
/** `offers` are the offers for the line's SKU. */
export function rankSuppliers(line: PurchaseOrderLine, offers: Offer[]): string[] {
  return offers
    .filter((o) => line.priceCeilingMinor === undefined || o.unitPriceMinor <= line.priceCeilingMinor)
    .map((o) => ({ o, enough: o.publishedAvailable >= line.quantity ? 0 : 1 }))
    .sort(
      (a, b) =>
        a.enough - b.enough ||
        a.o.unitPriceMinor - b.o.unitPriceMinor ||
        a.o.leadDays - b.o.leadDays ||
        a.o.supplierId.localeCompare(b.o.supplierId),
    )
    .map(({ o }) => o.supplierId);
}

export function sourceLines(lines: PurchaseOrderLine[], offers: Offer[]): SourcedLine[] {
  const bySku = new Map<string, Offer[]>();
  for (const offer of offers) {
    const forSku = bySku.get(offer.sku) ?? [];
    forSku.push(offer);
    bySku.set(offer.sku, forSku);
  }
  return lines.map((line) => ({
    lineNo: line.lineNo,
    sku: line.sku,
    quantity: line.quantity,
    ...(line.priceCeilingMinor !== undefined ? { priceCeilingMinor: line.priceCeilingMinor } : {}),
    candidates: rankSuppliers(line, bySku.get(line.sku) ?? []),
  }));
}
