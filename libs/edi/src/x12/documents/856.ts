import type { Address } from '@tradelane/contracts';
import type { ShipNoticeContent } from '../../documents';
import { DocumentError } from '../../errors';
import { date, integer, optional, required, x12Date, type X12Reader } from '../reader';
import { readAddress, writeAddress } from './address';
import { skuOf } from './855';
import type { Segments } from './context';

/**
 * 856 Ship Notice/Manifest, structure 0001 (shipment, order, item): BSN, HL*S with TD5 (carrier
 * SCAC), DTM*011 (shipped), DTM*017 (delivery), N1*ST/N3/N4 and N1*SF; HL*O with PRF (the buyer's PO)
 * and REF*VN (our order); HL*I per line with LIN and SN1; CTT (number of HL segments).
 */
export function writeShipNotice(content: ShipNoticeContent, time = '0000'): Segments {
  const items = content.lines.flatMap((l, i) => [
    ['HL', String(i + 3), '2', 'I'],
    ['LIN', l.lineId, 'VP', l.sku],
    ['SN1', '', String(l.quantity), 'EA'],
  ]);
  return [
    ['BSN', '00', content.shipmentId, x12Date(content.shipDate), time, '0001'],
    ['HL', '1', '', 'S'],
    ['TD5', 'B', '2', content.carrierId],
    ['DTM', '011', x12Date(content.shipDate)],
    ...(content.deliveryDate ? [['DTM', '017', x12Date(content.deliveryDate)]] : []),
    ...writeAddress('ST', content.shipTo),
    ['N1', 'SF', content.shipFrom, '92', content.shipFrom],
    ['HL', '2', '1', 'O'],
    ['PRF', content.purchaseOrderNumber],
    ['REF', 'VN', content.orderId],
    ...items,
    ['CTT', String(content.lines.length + 2)],
  ];
}

export function readShipNotice(reader: X12Reader): ShipNoticeContent {
  const bsn = reader.need('BSN');
  const shipmentId = required(bsn, 2, 80);
  let shipDate = date(bsn, 3);
  let deliveryDate: string | undefined;
  let carrierId: string | undefined;
  let shipTo: Address | undefined;
  let shipFrom = '';
  let purchaseOrderNumber: string | undefined;
  let orderId = '';
  const lines: ShipNoticeContent['lines'] = [];
  let lin: ReturnType<X12Reader['next']>;
  for (let segment = reader.next(); segment; segment = reader.next()) {
    const e = segment.elements;
    if (segment.id === 'TD5') carrierId = optional(segment, 3, 80);
    else if (segment.id === 'DTM' && e[1] === '011') shipDate = date(segment, 2);
    else if (segment.id === 'DTM' && e[1] === '017') deliveryDate = date(segment, 2);
    else if (segment.id === 'N1' && e[1] === 'ST') shipTo = readAddress(segment, reader);
    else if (segment.id === 'N1' && e[1] === 'SF') shipFrom = optional(segment, 4, 80) ?? required(segment, 2, 60);
    else if (segment.id === 'PRF') purchaseOrderNumber = required(segment, 1, 22);
    else if (segment.id === 'REF' && e[1] === 'VN') orderId = required(segment, 2, 80);
    else if (segment.id === 'LIN') lin = segment;
    else if (segment.id === 'SN1' && lin) {
      lines.push({ lineId: required(lin, 1, 20), sku: skuOf(lin, 2), quantity: integer(segment, 2) });
      lin = undefined;
    }
  }
  const missing = (id: string, what: string) => new DocumentError(`${what} is missing`, '3', { segmentId: id, segmentPosition: bsn.position + 1, field: id });
  if (!carrierId) throw missing('TD5', 'TD5 (the carrier)');
  if (!shipTo) throw missing('N1', 'N1*ST (ship-to)');
  if (!purchaseOrderNumber) throw missing('PRF', "PRF (the buyer's PO number)");
  return { type: 'ship-notice', shipmentId, purchaseOrderNumber, orderId, shipDate, ...(deliveryDate ? { deliveryDate } : {}), carrierId, shipFrom, shipTo, lines };
}
