import { BuildError } from '../errors';
import type { ControlNumbers, OurIdentity, X12Partner, X12Separators } from '../partner';
import { DEFAULT_X12_SEPARATORS, writeX12, type X12Element } from './writer';

export interface X12Body {
  /** GS01, e.g. `PR` for an 855. */
  functionalId: string;
  /** ST01. */
  setId: string;
  /** Segments between ST and SE. */
  segments: X12Element[][];
  /** ST03 (005010), e.g. `005010X231A1` for a 999. */
  implementationReference?: string;
}

export function separatorsFor(partner: X12Partner): X12Separators {
  const s = { ...DEFAULT_X12_SEPARATORS, ...partner.separators };
  return partner.version === '004010' ? { element: s.element, component: s.component, segment: s.segment } : s;
}

/** One interchange, one group, one transaction set: ISA fixed width, counts and control numbers matching. */
export function writeInterchange(body: X12Body, partner: X12Partner, ours: OurIdentity, control: ControlNumbers, now: Date): string {
  const separators = separatorsFor(partner);
  const isa13 = controlNumber(control.interchange, 9, 'ISA13');
  const gs06 = String(Number(controlNumber(control.group, 9, 'GS06')));
  const st02 = String(Number(controlNumber(control.transaction, 9, 'ST02'))).padStart(4, '0');
  const stamp = now.toISOString();
  const ccyymmdd = stamp.slice(0, 10).replace(/-/g, '');
  const hhmm = stamp.slice(11, 16).replace(':', '');
  const isa = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10),
    fixed(ours.x12.qualifier, 2, 'ISA05'), fixed(ours.x12.id, 15, 'ISA06'),
    fixed(partner.identity.qualifier, 2, 'ISA07'), fixed(partner.identity.id, 15, 'ISA08'),
    ccyymmdd.slice(2), hhmm,
    partner.version === '005010' ? separators.repetition! : 'U',
    partner.version === '005010' ? '00501' : '00401',
    isa13, '0', partner.usage ?? 'P', separators.component,
  ];
  const transaction: X12Element[][] = [['ST', body.setId, st02, ...(partner.version === '005010' && body.implementationReference ? [body.implementationReference] : [])], ...body.segments];
  transaction.push(['SE', String(transaction.length + 1), st02]);
  return writeX12(
    [
      isa,
      ['GS', body.functionalId, ours.x12.groupId, partner.identity.groupId, ccyymmdd, hhmm, gs06, 'X', partner.version],
      ...transaction,
      ['GE', '1', gs06],
      ['IEA', '1', isa13],
    ],
    separators,
  );
}

/** A TA1 alone in its interchange: the answer to an interchange whose envelope could not be read. */
export function writeTa1Interchange(ta1: string[], partner: X12Partner, ours: OurIdentity, control: ControlNumbers, now: Date): string {
  const separators = separatorsFor(partner);
  const text = writeInterchange({ functionalId: 'XX', setId: '000', segments: [] }, partner, ours, control, now);
  const isa = text.slice(0, text.indexOf(separators.segment) + 1) + '\n';
  return isa + writeX12([ta1, ['IEA', '0', controlNumber(control.interchange, 9, 'ISA13')]], separators);
}

function fixed(value: string, width: number, field: string): string {
  if (value.length > width) throw new BuildError(`${field} ${JSON.stringify(value)} is longer than ${width}`, field);
  return value.padEnd(width, ' ');
}

function controlNumber(n: number, digits: number, field: string): string {
  if (!Number.isSafeInteger(n) || n < 1 || String(n).length > digits) throw new BuildError(`${field} must be 1 to ${'9'.repeat(digits)}, got ${n}`, field);
  return String(n).padStart(digits, '0');
}
