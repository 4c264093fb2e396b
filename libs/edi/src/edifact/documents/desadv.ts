import type { Address } from '@tradelane/contracts';
import type { ShipNoticeContent } from '../../documents';
import { DocumentError } from '../../errors';
import { dtm, edifactDate, opt, req, whole, type EdifactReader } from '../reader';
import type { EdifactSegment } from '../tokenizer';
import type { Segments } from './context';
import { readNadAddress, writeNad } from './nad';

/**
 * DESADV D.96A: BGM+351 (the shipment), DTM+137, DTM+11 (despatch), DTM+17 (delivery estimated),
 * RFF+ON (the buyer's order number), RFF+VN (our order), NAD+ST, NAD+SF, TDT+20 (the carrier, SCAC
 * agency 182), CPS+1, LIN + QTY+12 (despatched) per line, CNT+2.
 */
export function writeDesadv(content: ShipNoticeContent): Segments {
  return [
    ['BGM', '351', content.shipmentId, '9'],
    ['DTM', ['137', edifactDate(content.shipDate), '102']],
    ['DTM', ['11', edifactDate(content.shipDate), '102']],
    ...(content.deliveryDate ? [['DTM', ['17', edifactDate(content.deliveryDate), '102']]] : []),
    ['RFF', ['ON', content.purchaseOrderNumber]],
    ['RFF', ['VN', content.orderId]],
    writeNad('ST', content.shipTo),
    ['NAD', 'SF', [content.shipFrom, '', '92']],
    ['TDT', '20', '', '', '', [content.carrierId, '', '182']],
    ['CPS', '1'],
    ...content.lines.flatMap((l) => [
      ['LIN', l.lineId, '', [l.sku, 'SA']],
      ['QTY', ['12', String(l.quantity)]],
    ]),
    ['CNT', ['2', String(content.lines.length)]],
  ];
}

export function readDesadv(reader: EdifactReader): ShipNoticeContent {
  const bgm = reader.need('BGM');
  const shipmentId = req(bgm, 2, 0, 80);
  let shipDate = '';
  let deliveryDate: string | undefined;
  const rff: Record<string, string> = {};
  let shipTo: Address | undefined;
  let shipFrom = '';
  let carrierId = '';
  let lin: EdifactSegment | undefined;
  const lines: ShipNoticeContent['lines'] = [];
  for (let s = reader.next(); s; s = reader.next()) {
    const q = s.elements[1]?.[0];
    if (s.tag === 'DTM' && q === '11') shipDate = dtm(s).date;
    else if (s.tag === 'DTM' && q === '17') deliveryDate = dtm(s).date;
    else if (s.tag === 'RFF') rff[q] = req(s, 1, 1, 80);
    else if (s.tag === 'NAD' && q === 'ST') shipTo = readNadAddress(s);
    else if (s.tag === 'NAD' && q === 'SF') shipFrom = req(s, 2, 0, 80);
    else if (s.tag === 'TDT') carrierId = opt(s, 5, 0, 80) ?? '';
    else if (s.tag === 'LIN') lin = s;
    else if (s.tag === 'QTY' && lin && q === '12') {
      lines.push({ lineId: req(lin, 1, 0, 20), sku: req(lin, 3, 0, 64), quantity: whole(s, 1, 1) });
      lin = undefined;
    }
  }
  if (!shipTo) throw new DocumentError('NAD+ST is missing', '13', { segmentId: 'NAD', segmentPosition: bgm.position + 1, field: 'NAD' });
  return { type: 'ship-notice', shipmentId, purchaseOrderNumber: rff.ON ?? '', orderId: rff.VN ?? '', shipDate, ...(deliveryDate ? { deliveryDate } : {}), carrierId, shipFrom, shipTo, lines };
}
