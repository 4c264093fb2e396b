import type { Address } from '@tradelane/contracts';
import { countryProblem, textProblem } from '../../mappings/intake-rules';
import { bad, opt, req } from '../reader';
import type { EdifactSegment } from '../tokenizer';
import type { EdifactElement } from '../writer';

/** NAD with a structured address: 3035, C082, C058, C080 name, C059 street, 3164 city, C819, 3251 postcode, 3207 country. */
export function writeNad(qualifier: string, address: Address): EdifactElement[] {
  return ['NAD', qualifier, '', '', address.name, [address.line1, address.line2 ?? ''], address.city, '', address.postalCode, address.country];
}

export function readNadAddress(nad: EdifactSegment): Address {
  const name = [0, 1, 2, 3, 4].map((c) => opt(nad, 4, c, 200)).filter(Boolean).join(' ');
  const line1 = req(nad, 5, 0, 200);
  const line2 = [1, 2, 3].map((c) => opt(nad, 5, c, 200)).filter(Boolean).join(' ');
  const city = req(nad, 6, 0, 100);
  const postalCode = req(nad, 8, 0, 20);
  const country = req(nad, 9, 0, 3);
  if (!name) throw bad(nad, 4, 0, 'must name the party (C080)');
  for (const [e, value, max] of [[5, line1, 200], [6, city, 100], [8, postalCode, 20]] as const) {
    if (textProblem(value, max)) throw bad(nad, e, 0, textProblem(value, max)!);
  }
  if (countryProblem(country)) throw bad(nad, 9, 0, countryProblem(country)!);
  return { name, line1, ...(line2 ? { line2 } : {}), city, postalCode, country };
}
