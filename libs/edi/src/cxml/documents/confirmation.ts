import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { LineStatus, OrderResponseContent } from '../../documents';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { attr, child, children, needAttr, path, text, type XmlNode } from '../xml';
import { date } from './order-request';

const TYPE: Record<LineStatus, string> = { accepted: 'accept', changed: 'detail', rejected: 'reject' };
const STATUS: Record<string, LineStatus> = { accept: 'accepted', detail: 'changed', reject: 'rejected' };

/**
 * ConfirmationRequest: ConfirmationHeader (type accept/detail, confirmID our order, noticeDate,
 * Total = amount due, Shipping = freight), OrderReference (the buyer's orderID), ConfirmationItem
 * per line (quantity ordered) with ConfirmationStatus (type accept/detail/reject, quantity
 * confirmed, deliveryDate, ItemIn with SupplierPartID and UnitPrice).
 */
export function writeConfirmation(parent: XMLBuilder, content: OrderResponseContent): void {
  const c = content.currency;
  const r = parent.ele('ConfirmationRequest');
  const changed = content.lines.some((l) => l.status !== 'accepted');
  const h = r.ele('ConfirmationHeader', { type: changed ? 'detail' : 'accept', noticeDate: `${content.date}T00:00:00+00:00`, confirmID: content.orderId });
  h.ele('Total').ele('Money', { currency: c }).txt(toDecimal(content.amountDueMinor, c));
  const shipping = h.ele('Shipping');
  shipping.ele('Money', { currency: c }).txt(toDecimal(content.freightMinor, c));
  shipping.ele('Description', { 'xml:lang': 'en' }).txt('Freight');
  r.ele('OrderReference', { orderID: content.purchaseOrderNumber }).ele('DocumentReference', { payloadID: content.purchaseOrderNumber });
  for (const l of content.lines) {
    const item = r.ele('ConfirmationItem', { lineNumber: l.lineId, quantity: String(l.quantityOrdered) });
    item.ele('UnitOfMeasure').txt('EA');
    const status = item.ele('ConfirmationStatus', { type: TYPE[l.status], quantity: String(l.quantityConfirmed), deliveryDate: `${content.deliveryDate}T00:00:00+00:00` });
    status.ele('UnitOfMeasure').txt('EA');
    const itemIn = status.ele('ItemIn', { quantity: String(l.quantityConfirmed) });
    itemIn.ele('ItemID').ele('SupplierPartID').txt(l.sku);
    const detail = itemIn.ele('ItemDetail');
    detail.ele('UnitPrice').ele('Money', { currency: c }).txt(toDecimal(l.unitPriceMinor, c));
    detail.ele('Description', { 'xml:lang': 'en' }).txt(l.sku);
    detail.ele('UnitOfMeasure').txt('EA');
  }
}

export function readConfirmation(request: XmlNode | undefined): OrderResponseContent {
  const h = child(request, 'ConfirmationHeader');
  const currency = attr(path(h, 'Total', 'Money'), 'currency') ?? '';
  const amount = (money: XmlNode | undefined) => (money ? fromDecimal(text(money)?.trim() ?? '', currency) : 0);
  const items = children(request, 'ConfirmationItem');
  const amountDueMinor = amount(path(h, 'Total', 'Money'));
  const freightMinor = amount(path(h, 'Shipping', 'Money'));
  const firstStatus = child(items[0], 'ConfirmationStatus');
  return {
    type: 'order-response',
    purchaseOrderNumber: needAttr(child(request, 'OrderReference'), 'orderID', 'OrderReference'),
    orderId: needAttr(h, 'confirmID', 'ConfirmationHeader'),
    date: date(needAttr(h, 'noticeDate', 'ConfirmationHeader'), 'ConfirmationHeader@noticeDate'),
    currency,
    deliveryDate: firstStatus && attr(firstStatus, 'deliveryDate') ? date(attr(firstStatus, 'deliveryDate')!, 'ConfirmationStatus@deliveryDate') : '',
    lines: items.map((item) => {
      const status = child(item, 'ConfirmationStatus');
      return {
        lineId: needAttr(item, 'lineNumber', 'ConfirmationItem'),
        sku: text(path(status, 'ItemIn', 'ItemID', 'SupplierPartID'))?.trim() ?? '',
        quantityOrdered: Number(needAttr(item, 'quantity', 'ConfirmationItem')),
        quantityConfirmed: Number(attr(status, 'quantity') ?? '0'),
        unitPriceMinor: amount(path(status, 'ItemIn', 'ItemDetail', 'UnitPrice', 'Money')),
        status: STATUS[attr(status, 'type') ?? ''] ?? 'rejected',
      };
    }),
    goodsMinor: amountDueMinor - freightMinor,
    freightMinor,
    amountDueMinor,
  };
}
