import type { Address } from '@tradelane/contracts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { DocumentError } from '../../errors';
import { countryProblem, textProblem } from '../../mappings/intake-rules';
import { attr, child, children, needText, path, text, type XmlNode } from '../xml';

/** Address (isoCountryCode, Name, PostalAddress with Street×n, City, PostalCode, Country). */
export function writeAddress(parent: XMLBuilder, address: Address): void {
  const a = parent.ele('Address', { isoCountryCode: address.country });
  a.ele('Name', { 'xml:lang': 'en' }).txt(address.name);
  writePostalAddress(a, address);
}

export function writePostalAddress(parent: XMLBuilder, address: Address): void {
  const p = parent.ele('PostalAddress');
  p.ele('Street').txt(address.line1);
  if (address.line2) p.ele('Street').txt(address.line2);
  p.ele('City').txt(address.city);
  p.ele('PostalCode').txt(address.postalCode);
  p.ele('Country', { isoCountryCode: address.country }).txt(address.country);
}

/** `where` names the element for errors, e.g. `OrderRequestHeader/ShipTo/Address`. */
export function readAddress(address: XmlNode | undefined, where: string, name = needText(child(address, 'Name'), `${where}/Name`)): Address {
  const postal = child(address, 'PostalAddress');
  const streets = children(postal, 'Street').map((s) => text(s)?.trim() ?? '').filter(Boolean);
  const city = needText(child(postal, 'City'), `${where}/PostalAddress/City`);
  const postalCode = needText(child(postal, 'PostalCode'), `${where}/PostalAddress/PostalCode`);
  const country = attr(path(postal, 'Country'), 'isoCountryCode') ?? attr(address, 'isoCountryCode') ?? '';
  if (streets.length === 0) throw new DocumentError(`${where}/PostalAddress/Street is required`, '400', { field: `${where}/PostalAddress/Street` });
  const checks: Array<[string, string, number]> = [[name, 'Name', 200], [streets[0], 'PostalAddress/Street', 200], [city, 'PostalAddress/City', 100], [postalCode, 'PostalAddress/PostalCode', 20]];
  for (const [value, field, max] of checks) {
    if (textProblem(value, max)) throw new DocumentError(`${where}/${field} ${textProblem(value, max)}`, '400', { field: `${where}/${field}` });
  }
  if (countryProblem(country)) throw new DocumentError(`${where}/PostalAddress/Country@isoCountryCode ${countryProblem(country)}`, '400', { field: `${where}/PostalAddress/Country@isoCountryCode` });
  const line2 = streets.slice(1).join(' ');
  return { name, line1: streets[0], ...(line2 ? { line2 } : {}), city, postalCode, country };
}
