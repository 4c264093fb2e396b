import type { StockAnswerLine } from '@tradelane/contracts';
import type { LineStatus, OrderResponseContent, StockAnswerContent } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { currencyProblem, skuProblem } from '../../mappings/intake-rules';
import { code, date, decimal, integer, invalid, optional, qualified, required, x12Date, type X12Reader } from '../reader';
import type { X12Segment } from '../tokenizer';
import { SKU_QUALIFIERS, type Segments, type X12ReadContext } from './context';
import { fromN2, toN2 } from './n2';

/** ACK01 for each line status; IB (backordered) is read as rejected: what is not confirmed now is not confirmed. */
const ACK_CODE: Record<LineStatus, string> = { accepted: 'IA', changed: 'IQ', rejected: 'IR' };
const LINE_STATUS: Record<string, LineStatus> = { IA: 'accepted', IQ: 'changed', IR: 'rejected', IB: 'rejected', IC: 'changed' };

/**
 * 855 Purchase Order Acknowledgment. To a buyer (our order confirmation): BAK (its PO number),
 * CUR, REF*VN (our order id), DTM*017 (delivery), SAC*C*D240 (freight), PO1 + ACK per line (partial
 * fills line by line), CTT, AMT*TT (amount due). From a supplier (its stock answer): BAK (our
 * reference), REF*ZZ (the inquiry), PO1 + ACK (ACK05 ready date, qualifier 068) + N1*SF/N4 (ship-from) per line.
 */
export function writeOrderResponse(content: OrderResponseContent): Segments {
  const changed = content.lines.some((l) => l.status !== 'accepted');
  return [
    ['BAK', '00', changed ? 'AC' : 'AD', content.purchaseOrderNumber, x12Date(content.date)],
    ['CUR', 'SE', content.currency],
    ['REF', 'VN', content.orderId],
    ['DTM', '017', x12Date(content.deliveryDate)],
    ...(content.freightMinor ? [['SAC', 'C', 'D240', '', '', toN2(content.freightMinor, content.currency)]] : []),
    ...content.lines.flatMap((l) => [
      ['PO1', l.lineId, String(l.quantityOrdered), 'EA', toDecimal(l.unitPriceMinor, content.currency), '', 'VP', l.sku],
      ['ACK', ACK_CODE[l.status], String(l.quantityConfirmed), 'EA'],
    ]),
    ['CTT', String(content.lines.length)],
    ['AMT', 'TT', toDecimal(content.amountDueMinor, content.currency)],
  ];
}

export function writeStockAnswer(content: StockAnswerContent): Segments {
  return [
    ['BAK', '00', content.lines.every((l) => l.available) ? 'AD' : 'AC', content.reference, x12Date(content.date)],
    ['CUR', 'SE', content.currency],
    ...(content.inquiryId ? [['REF', 'ZZ', content.inquiryId]] : []),
    ...content.lines.flatMap((l) => [
      ['PO1', String(l.lineNo), String(l.quantityCommitted), 'EA', toDecimal(l.unitPriceMinor, content.currency), '', 'VP', l.sku],
      ['ACK', l.available ? 'IA' : 'IR', String(l.quantityCommitted), 'EA', '068', x12Date(l.readyDate)],
      ['N1', 'SF', l.shipFrom.code, '92', l.shipFrom.code],
      ['N4', '', '', '', l.shipFrom.country],
    ]),
    ['CTT', String(content.lines.length)],
  ];
}

interface Line {
  po1: X12Segment;
  ack?: X12Segment;
  n1?: X12Segment;
  n4?: X12Segment;
}

export function readAcknowledgment(reader: X12Reader, ctx: X12ReadContext): OrderResponseContent | StockAnswerContent {
  const bak = reader.need('BAK');
  code(bak, 1, ['00', '04', '05', '06']);
  const reference = required(bak, 3, 22);
  const documentDate = date(bak, 4);
  let currency = ctx.defaultCurrency;
  const refs: Record<string, string> = {};
  let deliveryDate: string | undefined;
  let freightMinor = 0;
  let amount: X12Segment | undefined;
  const lines: Line[] = [];
  for (let segment = reader.next(); segment; segment = reader.next()) {
    const line = lines[lines.length - 1];
    if (segment.id === 'CUR') {
      currency = required(segment, 2, 3);
      if (currencyProblem(currency)) throw invalid(segment, 2, currencyProblem(currency)!);
    } else if (segment.id === 'REF') refs[required(segment, 1)] = optional(segment, 2, 80) ?? '';
    else if (segment.id === 'DTM' && segment.elements[1] === '017') deliveryDate = date(segment, 2);
    else if (segment.id === 'SAC' && segment.elements[1] === 'C' && segment.elements[2] === 'D240') freightMinor = fromN2(segment, 5, currency ?? 'USD');
    else if (segment.id === 'PO1') lines.push({ po1: segment });
    else if (segment.id === 'ACK' && line && !line.ack) line.ack = segment;
    else if (segment.id === 'N1' && line && segment.elements[1] === 'SF') line.n1 = segment;
    else if (segment.id === 'N4' && line?.n1 && !line.n4) line.n4 = segment;
    else if (segment.id === 'AMT' && segment.elements[1] === 'TT') amount = segment;
  }
  if (!currency) throw new DocumentError('CUR is missing and the partner has no default currency', '3', { segmentId: 'CUR', segmentPosition: bak.position + 1, field: 'CUR' });
  if (lines.length === 0) throw new DocumentError('the acknowledgment has no PO1 line', '3', { segmentId: 'PO1', segmentPosition: reader.segments.length + 1, field: 'PO1' });
  const cur = currency;
  if ('VN' in refs) {
    const rows = lines.map(({ po1, ack }) => {
      if (!ack) throw new DocumentError(`PO1 at segment ${po1.position} has no ACK`, '3', { segmentId: 'ACK', segmentPosition: po1.position + 1, field: 'ACK' });
      const status = LINE_STATUS[code(ack, 1, Object.keys(LINE_STATUS))];
      return {
        lineId: required(po1, 1, 20),
        sku: skuOf(po1),
        quantityOrdered: integer(po1, 2),
        quantityConfirmed: integer(ack, 2),
        unitPriceMinor: fromDecimal(decimal(po1, 4), cur, { segmentId: 'PO1', segmentPosition: po1.position, elementPosition: 4 }),
        status,
      };
    });
    const amountDueMinor = amount ? fromDecimal(decimal(amount, 2), cur, { segmentId: 'AMT', segmentPosition: amount.position, elementPosition: 2 }) : 0;
    return {
      type: 'order-response',
      purchaseOrderNumber: reference,
      orderId: refs.VN,
      date: documentDate,
      currency: cur,
      deliveryDate: deliveryDate ?? documentDate,
      lines: rows,
      goodsMinor: amountDueMinor - freightMinor,
      freightMinor,
      amountDueMinor,
    };
  }
  return {
    type: 'stock-answer',
    reference,
    ...(refs.ZZ ? { inquiryId: refs.ZZ } : {}),
    date: documentDate,
    currency: cur,
    lines: lines.map((line) => stockAnswerLine(line, cur)),
  };
}

function stockAnswerLine({ po1, ack, n1, n4 }: Line, currency: string): StockAnswerLine {
  if (!ack) throw new DocumentError(`PO1 at segment ${po1.position} has no ACK`, '3', { segmentId: 'ACK', segmentPosition: po1.position + 1, field: 'ACK' });
  if (!n1) throw new DocumentError(`PO1 at segment ${po1.position} has no N1*SF (ship-from)`, '3', { segmentId: 'N1', segmentPosition: ack.position + 1, field: 'N1' });
  const status = code(ack, 1, Object.keys(LINE_STATUS));
  const quantityCommitted = integer(ack, 2);
  if (optional(ack, 4) !== undefined && ack.elements[4] !== '068') throw invalid(ack, 4, 'must be 068 (current schedule ship)');
  return {
    lineNo: integer(po1, 1),
    sku: skuOf(po1),
    available: status !== 'IR' && status !== 'IB',
    quantityCommitted,
    unitPriceMinor: fromDecimal(decimal(po1, 4), currency, { segmentId: 'PO1', segmentPosition: po1.position, elementPosition: 4 }),
    shipFrom: { code: optional(n1, 4, 80) ?? required(n1, 2, 60), country: n4 ? required(n4, 4, 3) : '' },
    readyDate: date(ack, 5),
  };
}

export function skuOf(segment: X12Segment, from = 6): string {
  const sku = qualified(segment, from, SKU_QUALIFIERS);
  if (!sku || sku.value === '') throw new DocumentError(`${segment.id} names no product (VP, VN, SK, MG, BP, IN or UP)`, '1', { segmentId: segment.id, segmentPosition: segment.position, elementPosition: from + 1, field: `${segment.id}${String(from + 1).padStart(2, '0')}` });
  if (skuProblem(sku.value)) throw invalid(segment, sku.position, skuProblem(sku.value)!, '6');
  return sku.value;
}
