import type { InvoiceContent } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { dtm, edifactDate, numeric, req, whole, type EdifactReader } from '../reader';
import type { EdifactSegment } from '../tokenizer';
import type { Segments } from './context';

/**
 * INVOIC D.96A: BGM+380 (the invoice number), DTM+137, RFF+ON (the buyer's order number), RFF+VN
 * (our order), CUX+2 (4: invoicing currency), LIN + QTY+47 (invoiced) + PRI+AAA per line, UNS+S,
 * MOA+77 (invoice amount), ALC+C (FC: freight) + MOA+23, CNT+2.
 */
export function writeInvoic(content: InvoiceContent): Segments {
  const c = content.currency;
  return [
    ['BGM', '380', content.invoiceNumber, '9'],
    ['DTM', ['137', edifactDate(content.invoiceDate), '102']],
    ['RFF', ['ON', content.purchaseOrderNumber]],
    ['RFF', ['VN', content.orderId]],
    ['CUX', ['2', c, '4']],
    ...content.lines.flatMap((l) => [
      ['LIN', l.lineId, '', [l.sku, 'SA']],
      ['QTY', ['47', String(l.quantity)]],
      ['PRI', ['AAA', toDecimal(l.unitPriceMinor, c)]],
    ]),
    ['UNS', 'S'],
    ['MOA', ['77', toDecimal(content.totalMinor, c)]],
    ...(content.freightMinor ? [['ALC', 'C', '', '', '', 'FC'], ['MOA', ['23', toDecimal(content.freightMinor, c)]]] : []),
    ['CNT', ['2', String(content.lines.length)]],
  ];
}

export function readInvoic(reader: EdifactReader): InvoiceContent {
  const bgm = reader.need('BGM');
  const invoiceNumber = req(bgm, 2, 0, 35);
  let invoiceDate = '';
  const rff: Record<string, string> = {};
  let currency = '';
  let total: EdifactSegment | undefined;
  let freight: EdifactSegment | undefined;
  const lines: Array<{ lin: EdifactSegment; qty?: EdifactSegment; pri?: EdifactSegment }> = [];
  for (let s = reader.next(); s; s = reader.next()) {
    const q = s.elements[1]?.[0];
    const line = lines[lines.length - 1];
    if (s.tag === 'DTM' && q === '137') invoiceDate = dtm(s).date;
    else if (s.tag === 'RFF') rff[q] = req(s, 1, 1, 80);
    else if (s.tag === 'CUX') currency = req(s, 1, 1, 3);
    else if (s.tag === 'LIN') lines.push({ lin: s });
    else if (s.tag === 'QTY' && line && q === '47') line.qty = s;
    else if (s.tag === 'PRI' && line) line.pri = s;
    else if (s.tag === 'MOA' && q === '77') total = s;
    else if (s.tag === 'MOA' && q === '23') freight = s;
  }
  if (!currency || !total) throw new DocumentError('CUX or MOA+77 is missing', '13', { segmentId: currency ? 'MOA' : 'CUX', segmentPosition: bgm.position + 1 });
  const amount = (s: EdifactSegment | undefined) => (s ? fromDecimal(numeric(s, 1, 1), currency) : 0);
  return {
    type: 'invoice',
    invoiceNumber,
    invoiceDate,
    purchaseOrderNumber: rff.ON ?? '',
    orderId: rff.VN ?? '',
    currency,
    lines: lines.map(({ lin, qty, pri }) => ({ lineId: req(lin, 1, 0, 20), sku: req(lin, 3, 0, 64), quantity: qty ? whole(qty, 1, 1) : 0, unitPriceMinor: amount(pri) })),
    freightMinor: amount(freight),
    totalMinor: amount(total),
  };
}
