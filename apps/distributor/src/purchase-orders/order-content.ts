import { createHash } from 'node:crypto';
import type { Address, PurchaseOrder, PurchaseOrderLine } from '@tradelane/contracts';
import type { PurchaseOrderInput } from './dto/purchase-order.dto';

/** What an order asks for: the purchase order without its id, key and time of arrival. */
export type OrderContent = Omit<PurchaseOrder, 'orderId' | 'idempotencyKey' | 'submittedAt'>;

type LineInput = Pick<PurchaseOrderLine, 'sku' | 'quantity' | 'priceCeilingMinor'>;

// Built field by field so that the same order hashes the same whatever order its keys came in.
const numbered = (lines: LineInput[]): PurchaseOrderLine[] =>
  lines.map((line, i) => ({
    lineNo: i + 1,
    sku: line.sku,
    quantity: line.quantity,
    ...(line.priceCeilingMinor !== undefined ? { priceCeilingMinor: line.priceCeilingMinor } : {}),
  }));

const address = (a: Address): Address => ({
  name: a.name,
  line1: a.line1,
  ...(a.line2 !== undefined ? { line2: a.line2 } : {}),
  city: a.city,
  postalCode: a.postalCode,
  country: a.country,
});

export function orderContent(input: PurchaseOrderInput): OrderContent {
  return {
    buyerId: input.buyerId,
    lines: numbered(input.lines),
    shipTo: address(input.shipTo),
    wantedBy: input.wantedBy,
    currency: input.currency,
    partialFill: input.partialFill ?? 'cancel',
  };
}

/** The follow-up order for what a partial fill left out; it accepts what it gets, so back-orders never chain. */
export function backOrderContent(parent: PurchaseOrder, lines: PurchaseOrderLine[]): OrderContent {
  return {
    buyerId: parent.buyerId,
    lines: numbered(lines),
    shipTo: address(parent.shipTo),
    wantedBy: parent.wantedBy,
    currency: parent.currency,
    partialFill: 'accept',
    backOrderOf: parent.orderId,
  };
}

/** Same content, same hash: a JSON body and a CSV upload of one order are one order. */
export function contentHash(content: OrderContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
