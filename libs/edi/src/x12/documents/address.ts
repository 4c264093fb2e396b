import type { Address } from '@tradelane/contracts';
import { DocumentError } from '../../errors';
import { countryProblem, textProblem } from '../../mappings/intake-rules';
import { invalid, optional, required, type X12Reader } from '../reader';
import type { X12Segment } from '../tokenizer';
import type { DocumentLocation } from '../../documents';
import { at, type Segments } from './context';

/** N1 (with `entity`) N3 N4. */
export function writeAddress(entity: string, address: Address): Segments {
  return [
    ['N1', entity, address.name],
    ['N3', address.line1, address.line2 ?? ''],
    ['N4', address.city, '', address.postalCode, address.country],
  ];
}

/** After N1: N3 and N4 as the intake takes them. */
export function readAddress(n1: X12Segment, reader: X12Reader, locations?: Record<string, DocumentLocation>): Address {
  const name = required(n1, 2, 200);
  const n3 = reader.take('N3');
  const n4 = reader.take('N4');
  if (!n3) throw new DocumentError(`N3 is missing after N1*${n1.elements[1]} at segment ${n1.position}`, '3', { segmentId: 'N3', segmentPosition: n1.position + 1, field: 'N3' });
  if (!n4) throw new DocumentError(`N4 is missing after N3 at segment ${n3.position}`, '3', { segmentId: 'N4', segmentPosition: n3.position + 1, field: 'N4' });
  const line1 = required(n3, 1, 200);
  const line2 = optional(n3, 2, 200);
  const city = required(n4, 1, 100);
  const postalCode = required(n4, 3, 20);
  const country = required(n4, 4, 3);
  for (const [segment, n, value, max] of [[n1, 2, name, 200], [n3, 1, line1, 200], [n4, 1, city, 100], [n4, 3, postalCode, 20]] as const) {
    const problem = textProblem(value, max);
    if (problem) throw invalid(segment, n, problem, '6');
  }
  if (countryProblem(country)) throw invalid(n4, 4, countryProblem(country)!);
  if (locations) {
    Object.assign(locations, {
      shipTo: at(n1),
      'shipTo.name': at(n1, 2),
      'shipTo.line1': at(n3, 1),
      'shipTo.line2': at(n3, 2),
      'shipTo.city': at(n4, 1),
      'shipTo.postalCode': at(n4, 3),
      'shipTo.country': at(n4, 4),
    });
  }
  return { name, line1, ...(line2 ? { line2 } : {}), city, postalCode, country };
}
