import type { DispatchNotice, OrderConfirmation, PurchaseOrder, StockInquiry, TransportNotice } from '@tradelane/contracts';
import type { PurchaseOrderContent } from '../documents';

/** A two-line order as the order log holds it, and the messages that follow it. */
export const ORDER: PurchaseOrder = {
  orderId: '3f1c7a52-9b7e-4c1d-8f21-6a0d3c2b1e90',
  buyerId: 'muster-maschinenbau',
  lines: [
    { lineNo: 1, sku: 'BOLT-M8', quantity: 500, priceCeilingMinor: 15 },
    { lineNo: 2, sku: 'NUT-M8', quantity: 300 },
  ],
  shipTo: { name: 'Muster Maschinenbau GmbH, Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' },
  wantedBy: '2026-12-15',
  currency: 'EUR',
  partialFill: 'accept',
  submittedAt: '2026-12-01T09:00:00.000Z',
};

/** Line 2 is short: 200 of 300 committed. */
export const CONFIRMATION: OrderConfirmation = {
  orderId: ORDER.orderId,
  buyerId: ORDER.buyerId,
  lines: [
    { lineNo: 1, sku: 'BOLT-M8', quantity: 500, unitPriceMinor: 12, lineTotalMinor: 6000, supplierId: 'rhein-fasteners', shipFrom: 'DE-DUS' },
    { lineNo: 2, sku: 'NUT-M8', quantity: 200, unitPriceMinor: 5, lineTotalMinor: 1000, supplierId: 'rhein-fasteners', shipFrom: 'DE-DUS' },
  ],
  freight: [{ carrierId: 'RHFR', origin: 'DE-DUS', price: { amountMinor: 4500, currency: 'EUR' }, pickupDate: '2026-12-08', deliveryDate: '2026-12-10' }],
  goods: { amountMinor: 7000, currency: 'EUR' },
  amountDue: { amountMinor: 11500, currency: 'EUR' },
  deliveryDate: '2026-12-10',
  confirmedAt: '2026-12-01T09:05:00.000Z',
};

export const DISPATCH: DispatchNotice = {
  noticeId: 'd1b2c3d4-0000-4000-8000-000000000001',
  orderId: ORDER.orderId,
  supplierId: 'rhein-fasteners',
  inquiryId: 'a1b2c3d4-0000-4000-8000-000000000002',
  carrierId: 'RHFR',
  pickupDate: '2026-12-08',
  lines: [
    { lineNo: 1, sku: 'BOLT-M8', quantity: 500 },
    { lineNo: 2, sku: 'NUT-M8', quantity: 200 },
  ],
};

export const INQUIRY: StockInquiry = {
  inquiryId: 'a1b2c3d4-0000-4000-8000-000000000002',
  orderId: ORDER.orderId,
  supplierId: 'rhein-fasteners',
  currency: 'EUR',
  lines: [
    { lineNo: 1, sku: 'BOLT-M8', quantity: 500, priceCeilingMinor: 15 },
    { lineNo: 2, sku: 'NUT-M8', quantity: 300 },
  ],
};

export const TRANSPORT: TransportNotice = {
  noticeId: 'e1b2c3d4-0000-4000-8000-000000000003',
  orderId: ORDER.orderId,
  carrierId: 'RHFR',
  inquiryId: 'f1b2c3d4-0000-4000-8000-000000000004',
  origin: { code: 'DE-DUS', country: 'DE' },
  destination: ORDER.shipTo,
  pickupDate: '2026-12-08',
  deliveryDate: '2026-12-10',
  price: { amountMinor: 4500, currency: 'EUR' },
};

/** What a buyer's system sends: the order above as a purchase order document. */
export function purchaseOrderContent(key = 'x12:000000905:PO-4711'): PurchaseOrderContent {
  return {
    type: 'purchase-order',
    purchaseOrderNumber: 'PO-4711',
    orderDate: '2026-12-01',
    buyerLineIds: ['1', '2'],
    order: {
      buyerId: ORDER.buyerId,
      lines: [
        { sku: 'BOLT-M8', quantity: 500, priceCeilingMinor: 15 },
        { sku: 'NUT-M8', quantity: 300 },
      ],
      shipTo: ORDER.shipTo,
      wantedBy: ORDER.wantedBy,
      currency: 'EUR',
      idempotencyKey: key,
    },
  };
}
