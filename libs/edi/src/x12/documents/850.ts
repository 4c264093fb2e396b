import type { Address } from '@tradelane/contracts';
import type { PurchaseOrderContent, PurchaseOrderIntakeLine, StockInquiryContent } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { purchaseOrderKey } from '../../mappings/idempotency';
import { currencyProblem, MAX_LINES, priceCeilingProblem, quantityProblem, skuProblem } from '../../mappings/intake-rules';
import { code, date, decimal, integer, invalid, optional, qualified, required, x12Date, type X12Reader } from '../reader';
import { readAddress, writeAddress } from './address';
import type { DocumentLocation } from '../../documents';
import { at, SKU_QUALIFIERS, type Segments, type X12ReadContext } from './context';

/**
 * 850 Purchase Order. From a buyer: BEG (PO number, date), CUR, DTM*002 (wanted by), N1*ST loop
 * (ship-to), PO1 per line (PO104 the unit price the buyer accepts: our price ceiling), CTT.
 * To a supplier (our stock inquiry): the same layout, with REF*ZZ (the inquiry) and REF*CO (the order).
 */
export function writePurchaseOrder(content: PurchaseOrderContent): Segments {
  const { order } = content;
  return [
    ['BEG', '00', 'SA', content.purchaseOrderNumber, '', x12Date(content.orderDate ?? order.wantedBy)],
    ['CUR', 'BY', order.currency],
    ['DTM', '002', x12Date(order.wantedBy)],
    ...writeAddress('ST', order.shipTo),
    ...order.lines.map((l, i) => poLine(content.buyerLineIds[i] ?? String(i + 1), l, order.currency)),
    ['CTT', String(order.lines.length), String(order.lines.reduce((s, l) => s + l.quantity, 0))],
  ];
}

export function writeStockInquiry(content: StockInquiryContent): Segments {
  return [
    ['BEG', '00', 'SA', content.reference, '', x12Date(content.date)],
    ['CUR', 'BY', content.currency],
    ['REF', 'ZZ', content.inquiryId],
    ['REF', 'CO', content.orderId],
    ...content.lines.map((l) => poLine(String(l.lineNo), l, content.currency)),
    ['CTT', String(content.lines.length), String(content.lines.reduce((s, l) => s + l.quantity, 0))],
  ];
}

function poLine(id: string, line: PurchaseOrderIntakeLine, currency: string): string[] {
  return ['PO1', id, String(line.quantity), 'EA', line.priceCeilingMinor === undefined ? '' : toDecimal(line.priceCeilingMinor, currency), '', 'VP', line.sku];
}

export function readPurchaseOrder(reader: X12Reader, ctx: X12ReadContext): PurchaseOrderContent | StockInquiryContent {
  const beg = reader.need('BEG');
  // Original (00) or the confirmation of an order placed otherwise (06); changes and cancellations are not taken.
  code(beg, 1, ['00', '06']);
  const purchaseOrderNumber = required(beg, 3, 22);
  const orderDate = date(beg, 5);
  let currency: string | undefined;
  let wantedBy: string | undefined;
  let shipTo: Address | undefined;
  const refs: Record<string, string> = {};
  const lines: Array<PurchaseOrderIntakeLine & { lineNo: number; skuPosition: number }> = [];
  const buyerLineIds: string[] = [];
  const locations: Record<string, DocumentLocation> = {};
  let ctt: ReturnType<X12Reader['next']>;
  for (let segment = reader.next(); segment; segment = reader.next()) {
    if (segment.id === 'CUR') {
      currency = required(segment, 2, 3);
      if (currencyProblem(currency)) throw invalid(segment, 2, currencyProblem(currency)!);
      locations.currency = at(segment, 2);
    } else if (segment.id === 'REF') {
      refs[required(segment, 1)] = optional(segment, 2, 80) ?? '';
    } else if (segment.id === 'DTM' && segment.elements[1] === '002') {
      wantedBy = date(segment, 2);
      locations.wantedBy = at(segment, 2);
    } else if (segment.id === 'N1' && segment.elements[1] === 'ST') {
      shipTo = readAddress(segment, reader, locations);
    } else if (segment.id === 'PO1') {
      if (!currency) {
        currency = ctx.defaultCurrency;
        if (!currency) throw new DocumentError('CUR is missing and the partner has no default currency', '3', { segmentId: 'CUR', segmentPosition: segment.position, field: 'CUR' });
      }
      if (lines.length >= MAX_LINES) throw invalid(segment, 1, `is beyond the ${MAX_LINES} lines an order may hold`, '4');
      const id = optional(segment, 1, 20) ?? String(lines.length + 1);
      buyerLineIds.push(id);
      const line = readLine(segment, currency, /^\d{1,6}$/.test(id) ? Number(id) : lines.length + 1);
      const i = lines.length;
      Object.assign(locations, { [`lines[${i}]`]: at(segment), [`lines[${i}].quantity`]: at(segment, 2), [`lines[${i}].priceCeilingMinor`]: at(segment, 4), [`lines[${i}].sku`]: at(segment, line.skuPosition) });
      lines.push(line);
    } else if (segment.id === 'CTT') {
      ctt = segment;
    }
  }
  if (lines.length === 0) throw new DocumentError('the purchase order has no PO1 line', '3', { segmentId: 'PO1', segmentPosition: reader.segments.length + 1, field: 'PO1' });
  if (ctt && integer(ctt, 1) !== lines.length) throw invalid(ctt, 1, `says ${ctt.elements[1]} lines, the order has ${lines.length}`, '7');
  if (ctx.locations) Object.assign(ctx.locations, locations);
  if ('ZZ' in refs) {
    return {
      type: 'stock-inquiry',
      reference: purchaseOrderNumber,
      inquiryId: refs.ZZ,
      orderId: refs.CO ?? '',
      date: orderDate,
      currency: currency!,
      lines: lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, ...(l.priceCeilingMinor !== undefined ? { priceCeilingMinor: l.priceCeilingMinor } : {}) })),
    };
  }
  if (!wantedBy) throw new DocumentError('DTM*002 (delivery requested) is missing', '3', { segmentId: 'DTM', segmentPosition: beg.position + 1, field: 'DTM' });
  if (!shipTo) throw new DocumentError('N1*ST (ship-to) is missing', '3', { segmentId: 'N1', segmentPosition: beg.position + 1, field: 'N1' });
  return {
    type: 'purchase-order',
    purchaseOrderNumber,
    orderDate,
    buyerLineIds,
    order: {
      buyerId: ctx.buyerId,
      lines: lines.map(({ lineNo: _lineNo, skuPosition: _skuPosition, ...l }) => l),
      shipTo,
      wantedBy,
      currency: currency!,
      idempotencyKey: purchaseOrderKey('x12', ctx.interchangeControlNumber, purchaseOrderNumber),
    },
  };
}

function readLine(po1: NonNullable<ReturnType<X12Reader['next']>>, currency: string, lineNo: number): PurchaseOrderIntakeLine & { lineNo: number; skuPosition: number } {
  const quantity = integer(po1, 2);
  if (quantityProblem(quantity)) throw invalid(po1, 2, quantityProblem(quantity)!, '6');
  const sku = qualified(po1, 6, SKU_QUALIFIERS);
  if (!sku || sku.value === '') throw new DocumentError('PO1 names no product (VP, VN, SK, MG, BP, IN or UP)', '1', { segmentId: 'PO1', segmentPosition: po1.position, elementPosition: 7, field: 'PO107' });
  if (skuProblem(sku.value)) throw invalid(po1, sku.position, skuProblem(sku.value)!, '6');
  const price = optional(po1, 4);
  let priceCeilingMinor: number | undefined;
  if (price !== undefined) {
    priceCeilingMinor = fromDecimal(decimal(po1, 4), currency, { segmentId: 'PO1', segmentPosition: po1.position, elementPosition: 4, field: 'PO104' });
    if (priceCeilingProblem(priceCeilingMinor)) throw invalid(po1, 4, priceCeilingProblem(priceCeilingMinor)!, '6');
  }
  return { lineNo, skuPosition: sku.position, sku: sku.value, quantity, ...(priceCeilingMinor !== undefined ? { priceCeilingMinor } : {}) };
}
