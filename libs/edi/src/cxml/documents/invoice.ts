import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { InvoiceContent } from '../../documents';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { attr, child, children, needAttr, path, text, type XmlNode } from '../xml';
import { date } from './order-request';

/**
 * InvoiceDetailRequest: InvoiceDetailRequestHeader (invoiceID, invoiceDate, purpose standard),
 * InvoiceDetailOrder (OrderReference the buyer's orderID, SupplierOrderInfo our order,
 * InvoiceDetailItem per line with UnitPrice and SupplierPartID), InvoiceDetailSummary (SubtotalAmount,
 * ShippingAmount, NetAmount = the amount due).
 */
export function writeInvoice(parent: XMLBuilder, content: InvoiceContent): void {
  const c = content.currency;
  const money = (e: XMLBuilder, minor: number) => e.ele('Money', { currency: c }).txt(toDecimal(minor, c));
  const r = parent.ele('InvoiceDetailRequest');
  const h = r.ele('InvoiceDetailRequestHeader', { invoiceID: content.invoiceNumber, purpose: 'standard', operation: 'new', invoiceDate: `${content.invoiceDate}T00:00:00+00:00` });
  h.ele('InvoiceDetailHeaderIndicator');
  h.ele('InvoiceDetailLineIndicator');
  const order = r.ele('InvoiceDetailOrder');
  const info = order.ele('InvoiceDetailOrderInfo');
  info.ele('OrderReference', { orderID: content.purchaseOrderNumber }).ele('DocumentReference', { payloadID: content.purchaseOrderNumber });
  info.ele('SupplierOrderInfo', { orderID: content.orderId });
  for (const l of content.lines) {
    const item = order.ele('InvoiceDetailItem', { invoiceLineNumber: l.lineId, quantity: String(l.quantity) });
    item.ele('UnitOfMeasure').txt('EA');
    money(item.ele('UnitPrice'), l.unitPriceMinor);
    item.ele('InvoiceDetailItemReference', { lineNumber: l.lineId }).ele('ItemID').ele('SupplierPartID').txt(l.sku);
  }
  const summary = r.ele('InvoiceDetailSummary');
  money(summary.ele('SubtotalAmount'), content.totalMinor - content.freightMinor);
  const tax = summary.ele('Tax');
  money(tax, 0);
  tax.ele('Description', { 'xml:lang': 'en' }).txt('No tax charged by Tradelane');
  money(summary.ele('ShippingAmount'), content.freightMinor);
  money(summary.ele('NetAmount'), content.totalMinor);
}

export function readInvoice(request: XmlNode | undefined): InvoiceContent {
  const h = child(request, 'InvoiceDetailRequestHeader');
  const order = child(request, 'InvoiceDetailOrder');
  const summary = child(request, 'InvoiceDetailSummary');
  const currency = attr(path(summary, 'NetAmount', 'Money'), 'currency') ?? '';
  const amount = (m: XmlNode | undefined) => (m ? fromDecimal(text(m)?.trim() ?? '', currency) : 0);
  return {
    type: 'invoice',
    invoiceNumber: needAttr(h, 'invoiceID', 'InvoiceDetailRequestHeader'),
    invoiceDate: date(needAttr(h, 'invoiceDate', 'InvoiceDetailRequestHeader'), 'InvoiceDetailRequestHeader@invoiceDate'),
    purchaseOrderNumber: attr(path(order, 'InvoiceDetailOrderInfo', 'OrderReference'), 'orderID') ?? '',
    orderId: attr(path(order, 'InvoiceDetailOrderInfo', 'SupplierOrderInfo'), 'orderID') ?? '',
    currency,
    lines: children(order, 'InvoiceDetailItem').map((i) => ({
      lineId: needAttr(i, 'invoiceLineNumber', 'InvoiceDetailItem'),
      sku: text(path(i, 'InvoiceDetailItemReference', 'ItemID', 'SupplierPartID'))?.trim() ?? '',
      quantity: Number(needAttr(i, 'quantity', 'InvoiceDetailItem')),
      unitPriceMinor: amount(path(i, 'UnitPrice', 'Money')),
    })),
    freightMinor: amount(path(summary, 'ShippingAmount', 'Money')),
    totalMinor: amount(path(summary, 'NetAmount', 'Money')),
  };
}
