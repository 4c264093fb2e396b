import type { Address, Location } from '@tradelane/contracts';
import type { LoadTenderContent } from '../../documents';
import { DocumentError } from '../../errors';
import { date, decimal, integer, optional, required, x12Date, type X12Reader } from '../reader';
import { readAddress, writeAddress } from './address';
import type { Segments, X12ReadContext } from './context';
import { fromN2, toN2 } from './n2';

/**
 * 204 Motor Carrier Load Tender: B2 (B202 the carrier's SCAC, B204 the shipment: our transport
 * notice), B2A*00 (original), L11*…*OQ (our order), L11*…*ZZ*currency (204 has no CUR); stop 1
 * S5*1*LD with G62*69 (pickup) and N1*SF/N4 (origin); stop 2 S5*2*UL with G62*70 (delivery) and
 * N1*ST/N3/N4; L3 (weight in kg, the charge as N2, the lading quantity).
 */
export function writeLoadTender(content: LoadTenderContent): Segments {
  const weight = content.weightGrams === undefined ? '' : (content.weightGrams / 1000).toFixed(3);
  return [
    ['B2', '', content.carrierScac, '', content.shipmentId, '', 'PP'],
    ['B2A', '00', 'LT'],
    ['L11', content.orderId, 'OQ'],
    ['L11', content.currency, 'ZZ', 'currency'],
    ['G62', '64', x12Date(content.date)],
    ['S5', '1', 'LD'],
    ['G62', '69', x12Date(content.pickupDate)],
    ['N1', 'SF', content.origin.code, '92', content.origin.code],
    ['N4', '', '', '', content.origin.country],
    ['S5', '2', 'UL'],
    ['G62', '70', x12Date(content.deliveryDate)],
    ...writeAddress('ST', content.destination),
    ['L3', weight, weight ? 'G' : '', '', '', toN2(content.chargeMinor, content.currency), '', '', '', '', '', content.lineCount === undefined ? '' : String(content.lineCount), weight ? 'K' : ''],
  ];
}

export function readLoadTender(reader: X12Reader, ctx: X12ReadContext): LoadTenderContent {
  const b2 = reader.need('B2');
  const carrierScac = required(b2, 2, 4);
  const shipmentId = required(b2, 4, 80);
  let orderId = '';
  let currency = ctx.defaultCurrency ?? 'USD';
  let tenderDate = ctx.groupDate;
  let pickupDate: string | undefined;
  let deliveryDate: string | undefined;
  let origin: Location | undefined;
  let destination: Address | undefined;
  let l3: ReturnType<X12Reader['next']>;
  for (let segment = reader.next(); segment; segment = reader.next()) {
    const e = segment.elements;
    if (segment.id === 'L11' && e[2] === 'OQ') orderId = required(segment, 1, 80);
    else if (segment.id === 'L11' && e[2] === 'ZZ' && e[3] === 'currency') currency = required(segment, 1, 3);
    else if (segment.id === 'G62' && e[1] === '64') tenderDate = date(segment, 2);
    else if (segment.id === 'G62' && e[1] === '69') pickupDate = date(segment, 2);
    else if (segment.id === 'G62' && e[1] === '70') deliveryDate = date(segment, 2);
    else if (segment.id === 'N1' && e[1] === 'SF') {
      const code = optional(segment, 4, 80) ?? required(segment, 2, 60);
      const n4 = reader.take('N4');
      origin = { code, country: n4 ? required(n4, 4, 3) : '' };
    } else if (segment.id === 'N1' && e[1] === 'ST') destination = readAddress(segment, reader);
    else if (segment.id === 'L3') l3 = segment;
  }
  const missing = (id: string, what: string) => new DocumentError(`${what} is missing`, '3', { segmentId: id, segmentPosition: b2.position + 1, field: id });
  if (!pickupDate) throw missing('G62', 'G62*69 (pickup)');
  if (!deliveryDate) throw missing('G62', 'G62*70 (delivery)');
  if (!origin) throw missing('N1', 'N1*SF (origin)');
  if (!destination) throw missing('N1', 'N1*ST (destination)');
  if (!l3) throw missing('L3', 'L3 (the charge)');
  const weight = optional(l3, 1);
  const lineCount = optional(l3, 11);
  return {
    type: 'load-tender',
    shipmentId,
    orderId,
    carrierScac,
    date: tenderDate,
    pickupDate,
    deliveryDate,
    origin,
    destination,
    currency,
    chargeMinor: fromN2(l3, 5, currency),
    ...(weight !== undefined ? { weightGrams: Math.round(Number(decimal(l3, 1)) * 1000) } : {}),
    ...(lineCount !== undefined ? { lineCount: integer(l3, 11) } : {}),
  };
}
