import type { InvoiceContent, OrderResponseContent, OutboundContent, OutboundDocument, ShipNoticeContent } from '../documents';
import type { InvoiceDocument, OrderConfirmationDocument, ShipNoticeDocument } from '../documents';

/** What each outbound document says, from the messages the order log holds (no syntax here). */
export function outboundContent(doc: OutboundDocument, now: Date = new Date()): OutboundContent {
  const today = now.toISOString().slice(0, 10);
  switch (doc.kind) {
    case 'order-confirmation':
      return orderResponse(doc);
    case 'ship-notice':
      return shipNotice(doc);
    case 'invoice':
      return invoice(doc);
    case 'acknowledgment':
      return doc.acknowledgment;
    case 'stock-inquiry':
      return {
        type: 'stock-inquiry',
        reference: doc.reference ?? doc.inquiry.inquiryId,
        inquiryId: doc.inquiry.inquiryId,
        orderId: doc.inquiry.orderId,
        date: doc.date ?? today,
        currency: doc.inquiry.currency,
        lines: doc.inquiry.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, ...(l.priceCeilingMinor !== undefined ? { priceCeilingMinor: l.priceCeilingMinor } : {}) })),
      };
    case 'load-tender': {
      const { notice, shipment } = doc;
      return {
        type: 'load-tender',
        shipmentId: notice.noticeId,
        orderId: notice.orderId,
        carrierScac: notice.carrierId,
        date: doc.date ?? today,
        pickupDate: notice.pickupDate,
        deliveryDate: notice.deliveryDate,
        origin: notice.origin,
        destination: notice.destination,
        currency: notice.price.currency,
        chargeMinor: notice.price.amountMinor,
        ...(shipment ? { weightGrams: shipment.weightGrams, lineCount: shipment.lineCount } : {}),
      };
    }
  }
}

const lineId = (ids: string[] | undefined, lineNo: number) => ids?.[lineNo - 1] ?? String(lineNo);

/** Every line the buyer ordered, with what was confirmed of it: none (rejected), less (changed) or all. */
function orderResponse({ confirmation, order, purchaseOrderNumber, buyerLineIds }: OrderConfirmationDocument): OrderResponseContent {
  return {
    type: 'order-response',
    purchaseOrderNumber,
    orderId: confirmation.orderId,
    date: confirmation.confirmedAt.slice(0, 10),
    currency: confirmation.amountDue.currency,
    deliveryDate: confirmation.deliveryDate,
    lines: order.lines.map((ordered) => {
      const confirmed = confirmation.lines.filter((l) => l.lineNo === ordered.lineNo);
      const quantityConfirmed = confirmed.reduce((sum, l) => sum + l.quantity, 0);
      return {
        lineId: lineId(buyerLineIds, ordered.lineNo),
        sku: ordered.sku,
        quantityOrdered: ordered.quantity,
        quantityConfirmed,
        unitPriceMinor: confirmed[0]?.unitPriceMinor ?? ordered.priceCeilingMinor ?? 0,
        status: quantityConfirmed === 0 ? 'rejected' : quantityConfirmed < ordered.quantity ? 'changed' : 'accepted',
      };
    }),
    goodsMinor: confirmation.goods.amountMinor,
    freightMinor: confirmation.amountDue.amountMinor - confirmation.goods.amountMinor,
    amountDueMinor: confirmation.amountDue.amountMinor,
  };
}

function shipNotice({ dispatch, order, purchaseOrderNumber, deliveryDate, shipFrom, buyerLineIds }: ShipNoticeDocument): ShipNoticeContent {
  return {
    type: 'ship-notice',
    shipmentId: dispatch.noticeId,
    purchaseOrderNumber,
    orderId: dispatch.orderId,
    shipDate: dispatch.pickupDate,
    ...(deliveryDate ? { deliveryDate } : {}),
    carrierId: dispatch.carrierId,
    shipFrom: shipFrom ?? dispatch.supplierId,
    shipTo: order.shipTo,
    lines: dispatch.lines.map((l) => ({ lineId: lineId(buyerLineIds, l.lineNo), sku: l.sku, quantity: l.quantity })),
  };
}

function invoice({ confirmation, purchaseOrderNumber, invoiceNumber, invoiceDate, buyerLineIds }: InvoiceDocument): InvoiceContent {
  return {
    type: 'invoice',
    invoiceNumber,
    invoiceDate,
    purchaseOrderNumber,
    orderId: confirmation.orderId,
    currency: confirmation.amountDue.currency,
    lines: confirmation.lines.map((l) => ({ lineId: lineId(buyerLineIds, l.lineNo), sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
    freightMinor: confirmation.amountDue.amountMinor - confirmation.goods.amountMinor,
    totalMinor: confirmation.amountDue.amountMinor,
  };
}
