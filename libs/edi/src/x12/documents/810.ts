import type { InvoiceContent } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { date, decimal, integer, invalid, optional, required, x12Date, type X12Reader } from '../reader';
import { skuOf } from './855';
import type { Segments, X12ReadContext } from './context';
import { fromN2, toN2 } from './n2';

/** 810 Invoice: BIG (date, number, the buyer's PO), CUR, REF*VN (our order), IT1 per line, TDS (total, N2), SAC*C*D240 (freight), CTT. */
export function writeInvoice(content: InvoiceContent): Segments {
  return [
    ['BIG', x12Date(content.invoiceDate), content.invoiceNumber, '', content.purchaseOrderNumber],
    ['CUR', 'SE', content.currency],
    ['REF', 'VN', content.orderId],
    ...content.lines.map((l) => ['IT1', l.lineId, String(l.quantity), 'EA', toDecimal(l.unitPriceMinor, content.currency), '', 'VP', l.sku]),
    ['TDS', toN2(content.totalMinor, content.currency)],
    ...(content.freightMinor ? [['SAC', 'C', 'D240', '', '', toN2(content.freightMinor, content.currency)]] : []),
    ['CTT', String(content.lines.length)],
  ];
}

export function readInvoice(reader: X12Reader, ctx: X12ReadContext): InvoiceContent {
  const big = reader.need('BIG');
  const invoiceDate = date(big, 1);
  const invoiceNumber = required(big, 2, 22);
  const purchaseOrderNumber = optional(big, 4, 22) ?? '';
  let currency = ctx.defaultCurrency ?? 'USD';
  let orderId = '';
  let totalMinor: number | undefined;
  let freightMinor = 0;
  const lines: InvoiceContent['lines'] = [];
  for (let segment = reader.next(); segment; segment = reader.next()) {
    const e = segment.elements;
    if (segment.id === 'CUR') currency = required(segment, 2, 3);
    else if (segment.id === 'REF' && e[1] === 'VN') orderId = required(segment, 2, 80);
    else if (segment.id === 'IT1') {
      lines.push({
        lineId: required(segment, 1, 20),
        sku: skuOf(segment),
        quantity: integer(segment, 2),
        unitPriceMinor: fromDecimal(decimal(segment, 4), currency, { segmentId: 'IT1', segmentPosition: segment.position, elementPosition: 4 }),
      });
    } else if (segment.id === 'TDS') totalMinor = fromN2(segment, 1, currency);
    else if (segment.id === 'SAC' && e[1] === 'C' && e[2] === 'D240') freightMinor = fromN2(segment, 5, currency);
    else if (segment.id === 'CTT' && integer(segment, 1) !== lines.length) throw invalid(segment, 1, `says ${e[1]} lines, the invoice has ${lines.length}`, '7');
  }
  if (totalMinor === undefined) throw new DocumentError('TDS (the total) is missing', '3', { segmentId: 'TDS', segmentPosition: reader.segments.length + 1, field: 'TDS' });
  return { type: 'invoice', invoiceNumber, invoiceDate, purchaseOrderNumber, orderId, currency, lines, freightMinor, totalMinor };
}
