import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { DocumentLocation, PurchaseOrderContent, PurchaseOrderIntakeLine } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { purchaseOrderKey } from '../../mappings/idempotency';
import { currencyProblem, MAX_LINES, priceCeilingProblem, quantityProblem, skuProblem } from '../../mappings/intake-rules';
import { attr, child, children, needAttr, needText, path, text, type XmlNode } from '../xml';
import { readAddress, writeAddress } from './address';

const fail = (message: string, field: string) => new DocumentError(message, '400', { field });

/**
 * OrderRequest: OrderRequestHeader (orderID, orderDate, Total/Money@currency, ShipTo/Address),
 * ItemOut per line (lineNumber, quantity, requestedDeliveryDate; ItemID/SupplierPartID our SKU,
 * ItemDetail/UnitPrice/Money the price the buyer accepts: our price ceiling).
 */
export function writeOrderRequest(parent: XMLBuilder, content: PurchaseOrderContent): void {
  const { order } = content;
  const r = parent.ele('OrderRequest');
  const h = r.ele('OrderRequestHeader', { orderID: content.purchaseOrderNumber, orderDate: `${content.orderDate ?? order.wantedBy}T00:00:00+00:00`, type: 'new' });
  const total = order.lines.reduce((sum, l) => sum + (l.priceCeilingMinor ?? 0) * l.quantity, 0);
  h.ele('Total').ele('Money', { currency: order.currency }).txt(toDecimal(total, order.currency));
  writeAddress(h.ele('ShipTo'), order.shipTo);
  order.lines.forEach((l, i) => {
    const item = r.ele('ItemOut', { quantity: String(l.quantity), lineNumber: content.buyerLineIds[i] ?? String(i + 1), requestedDeliveryDate: order.wantedBy });
    item.ele('ItemID').ele('SupplierPartID').txt(l.sku);
    const detail = item.ele('ItemDetail');
    if (l.priceCeilingMinor !== undefined) detail.ele('UnitPrice').ele('Money', { currency: order.currency }).txt(toDecimal(l.priceCeilingMinor, order.currency));
    detail.ele('Description', { 'xml:lang': 'en' }).txt(l.sku);
    detail.ele('UnitOfMeasure').txt('EA');
  });
}

/** The intake's field names and the XML paths they are read from (cXML's `DocumentLocation.path`). */
export function orderRequestLocations(lineCount: number): Record<string, DocumentLocation> {
  const address = 'OrderRequestHeader/ShipTo/Address';
  const locations: Record<string, DocumentLocation> = {
    currency: { path: 'OrderRequestHeader/Total/Money@currency' },
    wantedBy: { path: 'ItemOut@requestedDeliveryDate' },
    shipTo: { path: address },
    'shipTo.name': { path: `${address}/Name` },
    'shipTo.line1': { path: `${address}/PostalAddress/Street` },
    'shipTo.line2': { path: `${address}/PostalAddress/Street[2]` },
    'shipTo.city': { path: `${address}/PostalAddress/City` },
    'shipTo.postalCode': { path: `${address}/PostalAddress/PostalCode` },
    'shipTo.country': { path: `${address}/PostalAddress/Country@isoCountryCode` },
  };
  for (let i = 0; i < lineCount; i++) {
    const item = `ItemOut[${i + 1}]`;
    Object.assign(locations, {
      [`lines[${i}]`]: { path: item },
      [`lines[${i}].sku`]: { path: `${item}/ItemID/SupplierPartID` },
      [`lines[${i}].quantity`]: { path: `${item}@quantity` },
      [`lines[${i}].priceCeilingMinor`]: { path: `${item}/ItemDetail/UnitPrice/Money` },
    });
  }
  return locations;
}

export function readOrderRequest(request: XmlNode | undefined, payloadId: string, buyerId: string): PurchaseOrderContent {
  const header = child(request, 'OrderRequestHeader');
  if (!header) throw fail('OrderRequest/OrderRequestHeader is required', 'OrderRequestHeader');
  const purchaseOrderNumber = needAttr(header, 'orderID', 'OrderRequestHeader');
  const type = attr(header, 'type') ?? 'new';
  if (type !== 'new') throw fail(`OrderRequestHeader@type ${JSON.stringify(type)} is not taken (new is)`, 'OrderRequestHeader@type');
  if (purchaseOrderNumber.length > 64) throw fail('OrderRequestHeader@orderID is longer than 64 characters', 'OrderRequestHeader@orderID');
  const orderDate = date(needAttr(header, 'orderDate', 'OrderRequestHeader'), 'OrderRequestHeader@orderDate');
  const currency = attr(path(header, 'Total', 'Money'), 'currency') ?? '';
  if (currencyProblem(currency)) throw fail(`OrderRequestHeader/Total/Money@currency ${currencyProblem(currency)}`, 'OrderRequestHeader/Total/Money@currency');
  const address = path(header, 'ShipTo', 'Address');
  if (!address) throw fail('OrderRequestHeader/ShipTo/Address is required', 'OrderRequestHeader/ShipTo');
  const shipTo = readAddress(address, 'OrderRequestHeader/ShipTo/Address');
  const items = children(request, 'ItemOut');
  if (items.length === 0) throw fail('OrderRequest has no ItemOut', 'ItemOut');
  if (items.length > MAX_LINES) throw fail(`OrderRequest has more than ${MAX_LINES} ItemOut`, 'ItemOut');
  const wanted = [attr(header, 'requestedDeliveryDate'), ...items.map((i) => attr(i, 'requestedDeliveryDate'))].filter((d): d is string => !!d);
  if (wanted.length === 0) throw fail('no requestedDeliveryDate on OrderRequestHeader or ItemOut', 'ItemOut@requestedDeliveryDate');
  const wantedBy = wanted.map((d, i) => date(d, i === 0 && attr(header, 'requestedDeliveryDate') ? 'OrderRequestHeader@requestedDeliveryDate' : 'ItemOut@requestedDeliveryDate')).sort().at(-1)!;
  return {
    type: 'purchase-order',
    purchaseOrderNumber,
    orderDate,
    buyerLineIds: items.map((item, i) => attr(item, 'lineNumber') ?? String(i + 1)),
    order: {
      buyerId,
      lines: items.map((item, i) => readItem(item, i + 1, currency)),
      shipTo,
      wantedBy,
      currency,
      idempotencyKey: purchaseOrderKey('cxml', payloadId, purchaseOrderNumber),
    },
  };
}

function readItem(item: XmlNode, n: number, currency: string): PurchaseOrderIntakeLine {
  const where = `ItemOut[${n}]`;
  const quantityText = needAttr(item, 'quantity', where);
  if (!/^\d{1,9}(\.0*)?$/.test(quantityText)) throw fail(`${where}@quantity ${JSON.stringify(quantityText)} is not a whole number`, `${where}@quantity`);
  const quantity = Number(quantityText.split('.')[0]);
  if (quantityProblem(quantity)) throw fail(`${where}@quantity ${quantityProblem(quantity)}`, `${where}@quantity`);
  const sku = needText(path(item, 'ItemID', 'SupplierPartID'), `${where}/ItemID/SupplierPartID`);
  if (skuProblem(sku)) throw fail(`${where}/ItemID/SupplierPartID ${skuProblem(sku)}`, `${where}/ItemID/SupplierPartID`);
  const money = path(item, 'ItemDetail', 'UnitPrice', 'Money');
  let priceCeilingMinor: number | undefined;
  if (money) {
    const field = `${where}/ItemDetail/UnitPrice/Money`;
    const moneyCurrency = attr(money, 'currency');
    if (moneyCurrency && moneyCurrency !== currency) throw fail(`${field}@currency ${moneyCurrency} is not the order's ${currency}`, `${field}@currency`);
    priceCeilingMinor = fromDecimal(text(money)?.trim() ?? '', currency, { field });
    if (priceCeilingProblem(priceCeilingMinor)) throw fail(`${field} ${priceCeilingProblem(priceCeilingMinor)}`, field);
  }
  return { sku, quantity, ...(priceCeilingMinor !== undefined ? { priceCeilingMinor } : {}) };
}

/** An ISO 8601 date or date-time → its calendar date as written. */
export function date(value: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const d = m && new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) throw fail(`${field} ${JSON.stringify(value)} is not a date`, field);
  return `${m[1]}-${m[2]}-${m[3]}`;
}
