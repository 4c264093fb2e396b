import type { Address } from '@tradelane/contracts';
import type { PurchaseOrderContent, PurchaseOrderIntakeLine } from '../../documents';
import { DocumentError } from '../../errors';
import { fromDecimal, toDecimal } from '../../mappings/amounts';
import { purchaseOrderKey } from '../../mappings/idempotency';
import { currencyProblem, MAX_LINES, priceCeilingProblem, quantityProblem, skuProblem } from '../../mappings/intake-rules';
import { bad, dtm, edifactDate, numeric, opt, req, whole, type EdifactReader } from '../reader';
import type { EdifactSegment } from '../tokenizer';
import type { DocumentLocation } from '../../documents';
import { at, ITEM_TYPES, type EdifactReadContext, type Segments } from './context';
import { readNadAddress, writeNad } from './nad';

/**
 * ORDERS D.96A: BGM+220 (the buyer's order number), DTM+137 (document date), DTM+2 (delivery
 * requested), NAD+ST or +DP (ship-to, structured), CUX+2 (currency), LIN per line with QTY+21 and
 * PRI+AAA (the net price the buyer accepts: our price ceiling), UNS+S, CNT+2 (line count).
 */
export function writeOrders(content: PurchaseOrderContent): Segments {
  const { order } = content;
  return [
    ['BGM', '220', content.purchaseOrderNumber, '9'],
    ['DTM', ['137', edifactDate(content.orderDate ?? order.wantedBy), '102']],
    ['DTM', ['2', edifactDate(order.wantedBy), '102']],
    writeNad('ST', order.shipTo),
    ['CUX', ['2', order.currency, '9']],
    ...order.lines.flatMap((l, i) => [
      ['LIN', content.buyerLineIds[i] ?? String(i + 1), '', [l.sku, 'SA']],
      ['QTY', ['21', String(l.quantity)]],
      ...(l.priceCeilingMinor !== undefined ? [['PRI', ['AAA', toDecimal(l.priceCeilingMinor, order.currency)]]] : []),
    ]),
    ['UNS', 'S'],
    ['CNT', ['2', String(order.lines.length)]],
  ];
}

interface Line {
  lin: EdifactSegment;
  qty?: EdifactSegment;
  pri?: EdifactSegment;
  pia?: EdifactSegment;
}

export function readOrders(reader: EdifactReader, ctx: EdifactReadContext): PurchaseOrderContent {
  const bgm = reader.need('BGM');
  const documentName = req(bgm, 1, 0);
  if (documentName !== '220' && documentName !== '105') throw bad(bgm, 1, 0, `${documentName} is not an order (220)`);
  const messageFunction = opt(bgm, 3, 0);
  // An original (9), or its duplicate (7) or copy (31); changes, replacements, cancellations and proposals are not taken.
  if (messageFunction && !['9', '7', '31'].includes(messageFunction)) throw bad(bgm, 3, 0, `${messageFunction} is not an original order (9)`);
  const purchaseOrderNumber = req(bgm, 2, 0, 35);
  let orderDate: string | undefined;
  let wantedBy: string | undefined;
  let shipTo: Address | undefined;
  let currency = ctx.defaultCurrency;
  let cnt: EdifactSegment | undefined;
  const lines: Line[] = [];
  const locations: Record<string, DocumentLocation> = {};
  for (let s = reader.next(); s; s = reader.next()) {
    const line = lines[lines.length - 1];
    if (s.tag === 'DTM' && !line) {
      const { qualifier, date } = dtm(s);
      if (qualifier === '137') orderDate = date;
      else if (qualifier === '2') {
        wantedBy = date;
        locations.wantedBy = at(s, 1, 2);
      }
    } else if (s.tag === 'NAD' && (s.elements[1]?.[0] === 'ST' || s.elements[1]?.[0] === 'DP') && !line) {
      shipTo = readNadAddress(s);
      Object.assign(locations, {
        shipTo: at(s),
        'shipTo.name': at(s, 4, 1),
        'shipTo.line1': at(s, 5, 1),
        'shipTo.line2': at(s, 5, 2),
        'shipTo.city': at(s, 6, 1),
        'shipTo.postalCode': at(s, 8, 1),
        'shipTo.country': at(s, 9, 1),
      });
    }
    else if (s.tag === 'CUX' && !line) {
      currency = req(s, 1, 1, 3);
      if (currencyProblem(currency)) throw bad(s, 1, 1, currencyProblem(currency)!);
      locations.currency = at(s, 1, 2);
    } else if (s.tag === 'LIN') {
      if (lines.length >= MAX_LINES) throw bad(s, 1, 0, `is beyond the ${MAX_LINES} lines an order may hold`);
      lines.push({ lin: s });
    } else if (s.tag === 'PIA' && line) line.pia ??= s;
    else if (s.tag === 'QTY' && line && s.elements[1]?.[0] === '21') line.qty = s;
    else if (s.tag === 'PRI' && line && !line.pri) line.pri = s;
    else if (s.tag === 'CNT' && s.elements[1]?.[0] === '2') cnt = s;
  }
  const missing = (tag: string, what: string) => new DocumentError(`${what} is missing`, '13', { segmentId: tag, segmentPosition: bgm.position + 1, field: tag });
  if (!wantedBy) throw missing('DTM', 'DTM+2 (delivery date requested)');
  if (!shipTo) throw missing('NAD', 'NAD+ST (ship-to)');
  if (!currency) throw missing('CUX', 'CUX+2 (the currency)');
  if (lines.length === 0) throw missing('LIN', 'LIN (a line)');
  if (cnt && whole(cnt, 1, 1) !== lines.length) throw bad(cnt, 1, 1, `says ${cnt.elements[1][1]} lines, the order has ${lines.length}`);
  const cur = currency;
  const intakeLines = lines.map((l, i) => {
    const { line, sku } = readLine(l, cur);
    Object.assign(locations, {
      [`lines[${i}]`]: at(l.lin),
      [`lines[${i}].sku`]: sku,
      [`lines[${i}].quantity`]: at(l.qty!, 1, 2),
      ...(l.pri ? { [`lines[${i}].priceCeilingMinor`]: at(l.pri, 1, 2) } : {}),
    });
    return line;
  });
  if (ctx.locations) Object.assign(ctx.locations, locations);
  return {
    type: 'purchase-order',
    purchaseOrderNumber,
    orderDate: orderDate ?? wantedBy,
    buyerLineIds: lines.map((l, i) => opt(l.lin, 1, 0, 20) ?? String(i + 1)),
    order: {
      buyerId: ctx.buyerId,
      lines: intakeLines,
      shipTo,
      wantedBy,
      currency: cur,
      idempotencyKey: purchaseOrderKey('edifact', ctx.interchangeControlNumber, purchaseOrderNumber),
    },
  };
}

function readLine({ lin, qty, pri, pia }: Line, currency: string): { line: PurchaseOrderIntakeLine; sku: DocumentLocation } {
  if (!qty) throw new DocumentError(`LIN at segment ${lin.position} has no QTY+21`, '13', { segmentId: 'QTY', segmentPosition: lin.position + 1, field: 'QTY' });
  const [skuSegment, element] = opt(lin, 3, 0) ? [lin, 3] as const : pia ? [pia, 2] as const : [lin, 3] as const;
  const sku = req(skuSegment, element, 0, 64);
  if (!ITEM_TYPES.includes(skuSegment.elements[element]?.[1] ?? '')) throw bad(skuSegment, element, 1, 'is not an item number type taken (SA, IN, MF, EN, SRV)');
  if (skuProblem(sku)) throw bad(skuSegment, element, 0, skuProblem(sku)!);
  const quantity = whole(qty, 1, 1);
  if (quantityProblem(quantity)) throw bad(qty, 1, 1, quantityProblem(quantity)!);
  let priceCeilingMinor: number | undefined;
  if (pri) {
    priceCeilingMinor = fromDecimal(numeric(pri, 1, 1), currency, { segmentId: 'PRI', segmentPosition: pri.position, elementPosition: 1, componentPosition: 2, field: 'PRI' });
    if (priceCeilingProblem(priceCeilingMinor)) throw bad(pri, 1, 1, priceCeilingProblem(priceCeilingMinor)!);
  }
  return { line: { sku, quantity, ...(priceCeilingMinor !== undefined ? { priceCeilingMinor } : {}) }, sku: at(skuSegment, element, 1) };
}
