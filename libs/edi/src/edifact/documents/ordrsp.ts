import type { LineStatus, OrderResponseContent } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { bad, dtm, edifactDate, numeric, req, whole, type EdifactReader } from '../reader';
import type { EdifactSegment } from '../tokenizer';
import type { Segments } from './context';

/** LIN 1229 action: 5 accepted without amendment, 3 changed, 7 not accepted. */
const ACTION: Record<LineStatus, string> = { accepted: '5', changed: '3', rejected: '7' };
const STATUS: Record<string, LineStatus> = { '5': 'accepted', '3': 'changed', '6': 'changed', '7': 'rejected' };

/**
 * ORDRSP D.96A: BGM+231 (our order id; 29 accepted, 4 changed), DTM+137, DTM+69 (delivery
 * promised), RFF+ON (the buyer's order number), CUX+2, LIN (1229 action) + QTY+21 (ordered) +
 * QTY+113 (to be delivered) + PRI+AAA per line, UNS+S, MOA+79 (goods), MOA+9 (amount due), CNT+2.
 */
export function writeOrdrsp(content: OrderResponseContent): Segments {
  const c = content.currency;
  const changed = content.lines.some((l) => l.status !== 'accepted');
  return [
    ['BGM', '231', content.orderId, changed ? '4' : '29'],
    ['DTM', ['137', edifactDate(content.date), '102']],
    ['DTM', ['69', edifactDate(content.deliveryDate), '102']],
    ['RFF', ['ON', content.purchaseOrderNumber]],
    ['CUX', ['2', c, '9']],
    ...content.lines.flatMap((l) => [
      ['LIN', l.lineId, ACTION[l.status], [l.sku, 'SA']],
      ['QTY', ['21', String(l.quantityOrdered)]],
      ['QTY', ['113', String(l.quantityConfirmed)]],
      ['PRI', ['AAA', toDecimal(l.unitPriceMinor, c)]],
    ]),
    ['UNS', 'S'],
    ['MOA', ['79', toDecimal(content.goodsMinor, c)]],
    ['MOA', ['9', toDecimal(content.amountDueMinor, c)]],
    ['CNT', ['2', String(content.lines.length)]],
  ];
}

export function readOrdrsp(reader: EdifactReader): OrderResponseContent {
  const bgm = reader.need('BGM');
  const orderId = req(bgm, 2, 0, 80);
  let date = '';
  let deliveryDate = '';
  let purchaseOrderNumber = '';
  let currency = '';
  const moa: Record<string, EdifactSegment> = {};
  const lines: Array<{ lin: EdifactSegment; qty: Record<string, EdifactSegment>; pri?: EdifactSegment }> = [];
  for (let s = reader.next(); s; s = reader.next()) {
    const line = lines[lines.length - 1];
    const q = s.elements[1]?.[0];
    if (s.tag === 'DTM' && q === '137') date = dtm(s).date;
    else if (s.tag === 'DTM' && q === '69') deliveryDate = dtm(s).date;
    else if (s.tag === 'RFF' && q === 'ON') purchaseOrderNumber = req(s, 1, 1, 35);
    else if (s.tag === 'CUX') currency = req(s, 1, 1, 3);
    else if (s.tag === 'LIN') lines.push({ lin: s, qty: {} });
    else if (s.tag === 'QTY' && line) line.qty[q] = s;
    else if (s.tag === 'PRI' && line) line.pri = s;
    else if (s.tag === 'MOA') moa[q] = s;
  }
  if (!currency) throw new DocumentError('CUX is missing', '13', { segmentId: 'CUX', segmentPosition: bgm.position + 1, field: 'CUX' });
  const amount = (s: EdifactSegment | undefined) => (s ? fromDecimal(numeric(s, 1, 1), currency) : 0);
  return {
    type: 'order-response',
    purchaseOrderNumber,
    orderId,
    date,
    currency,
    deliveryDate,
    lines: lines.map(({ lin, qty, pri }) => {
      const status = STATUS[req(lin, 2)];
      if (!status) throw bad(lin, 2, 0, 'is not a line action taken (5, 3, 6, 7)');
      return {
        lineId: req(lin, 1, 0, 20),
        sku: req(lin, 3, 0, 64),
        quantityOrdered: qty['21'] ? whole(qty['21'], 1, 1) : 0,
        quantityConfirmed: qty['113'] ? whole(qty['113'], 1, 1) : 0,
        unitPriceMinor: amount(pri),
        status,
      };
    }),
    goodsMinor: amount(moa['79']),
    freightMinor: amount(moa['9']) - amount(moa['79']),
    amountDueMinor: amount(moa['9']),
  };
}
