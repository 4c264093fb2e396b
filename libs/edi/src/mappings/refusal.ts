import type { AcknowledgmentError, DocumentLocation, InboundDocument } from '../documents';
import type { Standard } from '../partner';

/** X12 AK403 7 and EDIFACT 0085 12: the value is not one taken (an unknown SKU, a date in the past). */
const INVALID_VALUE: Record<Exclude<Standard, 'cxml'>, string> = { x12: '7', edifact: '12' };

/** Where an intake field was read: the field itself, else the nearest enclosing one (`lines[2].sku` → `lines[2]`). */
export function locate(doc: InboundDocument, field: string): DocumentLocation | undefined {
  let name = field.replace(/^order\./, '');
  for (;;) {
    const found = doc.locations?.[name];
    if (found) return found;
    const shorter = name.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === name) return undefined;
    name = shorter;
  }
}

/**
 * The acknowledgment error for a value the intake refused after the document was read (an
 * unknown SKU, a date in the past): at the segment and element it came from, with the
 * standard's "invalid value" code; a field read from nowhere in particular gets AK502/UCM 5.
 */
export function refusalError(doc: InboundDocument, standard: Exclude<Standard, 'cxml'>, field: string, value?: string): AcknowledgmentError {
  const at = locate(doc, field);
  if (!at?.segmentId) return { code: standard === 'x12' ? '5' : '12' };
  const { path: _path, ...where } = at;
  return { ...where, code: where.elementPosition ? INVALID_VALUE[standard] : standard === 'x12' ? '8' : '12', ...(value && where.elementPosition ? { value: value.slice(0, 99) } : {}) };
}
