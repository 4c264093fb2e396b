import type { X12Separators } from '../partner';
import { pad2, tokenizeX12, X12EnvelopeError, type X12Segment } from './tokenizer';

/** Something wrong in a group or transaction's own envelope, with the standard's code (AK905 / AK502). */
export interface EnvelopeFault {
  code: string;
  message: string;
  field: string;
}

export interface X12Transaction {
  setId: string;
  controlNumber: string;
  /** ST … SE. */
  segments: X12Segment[];
  fault?: EnvelopeFault;
}

export interface X12Group {
  functionalId: string;
  senderId: string;
  receiverId: string;
  controlNumber: string;
  /** GS04, CCYYMMDD. */
  date: string;
  version: string;
  transactions: X12Transaction[];
  fault?: EnvelopeFault;
}

export interface X12Interchange {
  separators: X12Separators;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  date: string;
  time: string;
  /** ISA12, e.g. `00401`. */
  version: string;
  controlNumber: string;
  acknowledgmentRequested: boolean;
  test: boolean;
  groups: X12Group[];
  /** TA1 segments carried in the interchange (an interchange acknowledgment). */
  ta1: X12Segment[];
}

/**
 * Reads ISA … IEA. A broken interchange envelope throws (its answer is a TA1); a broken group
 * or transaction envelope is kept as its `fault` (its answer is a 997/999).
 */
export function readInterchange(raw: string): X12Interchange {
  const { separators, segments } = tokenizeX12(raw);
  const isa = segments[0].elements;
  const controlNumber = isa[13];
  if (!/^\d{9}$/.test(controlNumber)) throw new X12EnvelopeError(`ISA13 ${JSON.stringify(controlNumber)} is not 9 digits`, '018', 'ISA13');
  if (!validYymmdd(isa[9])) throw new X12EnvelopeError(`ISA09 ${JSON.stringify(isa[9])} is not a date (YYMMDD)`, '014', 'ISA09');
  if (!validHhmm(isa[10])) throw new X12EnvelopeError(`ISA10 ${JSON.stringify(isa[10])} is not a time (HHMM)`, '015', 'ISA10');
  if (!/^[01]$/.test(isa[14])) throw new X12EnvelopeError(`ISA14 ${JSON.stringify(isa[14])} is not 0 or 1`, '019', 'ISA14');
  if (!/^[PT]$/.test(isa[15])) throw new X12EnvelopeError(`ISA15 ${JSON.stringify(isa[15])} is not P or T`, '020', 'ISA15');
  const last = segments[segments.length - 1];
  if (last.id !== 'IEA') throw new X12EnvelopeError('the interchange has no IEA trailer', '023', 'IEA');
  if (last.elements[2] !== controlNumber) {
    throw new X12EnvelopeError(`IEA02 ${JSON.stringify(last.elements[2])} does not match ISA13 ${controlNumber}`, '001', 'IEA02');
  }
  const interchange: X12Interchange = {
    separators,
    senderQualifier: isa[5],
    senderId: isa[6].trim(),
    receiverQualifier: isa[7],
    receiverId: isa[8].trim(),
    date: isa[9],
    time: isa[10],
    version: isa[12],
    controlNumber,
    acknowledgmentRequested: isa[14] === '1',
    test: isa[15] === 'T',
    groups: [],
    ta1: [],
  };
  let group: X12Group | undefined;
  let transaction: X12Transaction | undefined;
  for (const segment of segments.slice(1, -1)) {
    const e = segment.elements;
    if (segment.id === 'TA1' && !group) {
      interchange.ta1.push(segment);
    } else if (segment.id === 'GS') {
      if (group) throw new X12EnvelopeError(`GS at segment ${segment.position} opens a group before GE closed the last`, '024', 'GE');
      group = { functionalId: e[1] ?? '', senderId: e[2] ?? '', receiverId: e[3] ?? '', controlNumber: e[6] ?? '', date: e[4] ?? '', version: e[8] ?? '', transactions: [] };
      if (!/^\d{1,9}$/.test(group.controlNumber)) group.fault = { code: '6', message: `GS06 ${JSON.stringify(group.controlNumber)} is not 1 to 9 digits`, field: 'GS06' };
      interchange.groups.push(group);
    } else if (segment.id === 'GE') {
      if (!group) throw new X12EnvelopeError(`GE at segment ${segment.position} closes no group`, '024', 'GE');
      if (transaction) closeUnended(transaction);
      transaction = undefined;
      group.fault ??= groupTrailerFault(group, e);
      group = undefined;
    } else if (segment.id === 'ST') {
      if (!group) throw new X12EnvelopeError(`ST at segment ${segment.position} is outside a functional group`, '024', 'GS');
      if (transaction) closeUnended(transaction);
      transaction = { setId: e[1] ?? '', controlNumber: e[2] ?? '', segments: [segment] };
      if (!/^\d{3}$/.test(transaction.setId)) transaction.fault = { code: '6', message: `ST01 ${JSON.stringify(e[1])} is not a transaction set id`, field: 'ST01' };
      else if (!/^[0-9A-Za-z]{4,9}$/.test(transaction.controlNumber)) transaction.fault = { code: '7', message: `ST02 ${JSON.stringify(e[2])} is not 4 to 9 characters`, field: 'ST02' };
      group.transactions.push(transaction);
    } else if (transaction) {
      transaction.segments.push(segment);
      if (segment.id === 'SE') {
        transaction.fault ??= transactionTrailerFault(transaction, e);
        transaction = undefined;
      }
    } else {
      throw new X12EnvelopeError(`${segment.id} at segment ${segment.position} is outside a transaction set`, '024', segment.id);
    }
  }
  if (group) throw new X12EnvelopeError('the last functional group has no GE trailer', '023', 'GE');
  if (last.elements[1] !== String(interchange.groups.length)) {
    throw new X12EnvelopeError(`IEA01 says ${last.elements[1]} groups, the interchange has ${interchange.groups.length}`, '021', 'IEA01');
  }
  return interchange;
}

function closeUnended(transaction: X12Transaction): void {
  transaction.fault ??= { code: '2', message: `transaction set ${transaction.controlNumber} has no SE trailer`, field: 'SE' };
}

function groupTrailerFault(group: X12Group, ge: string[]): EnvelopeFault | undefined {
  if (ge[2] !== group.controlNumber) return { code: '4', message: `GE02 ${JSON.stringify(ge[2])} does not match GS06 ${group.controlNumber}`, field: 'GE02' };
  if (ge[1] !== String(group.transactions.length)) {
    return { code: '5', message: `GE01 says ${ge[1]} transaction sets, the group has ${group.transactions.length}`, field: 'GE01' };
  }
  return undefined;
}

function transactionTrailerFault(transaction: X12Transaction, se: string[]): EnvelopeFault | undefined {
  if (se[2] !== transaction.controlNumber) {
    return { code: '3', message: `SE02 ${JSON.stringify(se[2])} does not match ST02 ${transaction.controlNumber}`, field: 'SE02' };
  }
  if (se[1] !== String(transaction.segments.length)) {
    return { code: '4', message: `SE01 says ${se[1]} segments, the transaction set has ${transaction.segments.length}`, field: 'SE01' };
  }
  return undefined;
}

export function validYymmdd(v: string): boolean {
  return /^\d{6}$/.test(v) && validDate(`20${v}`);
}

export function validHhmm(v: string): boolean {
  return /^([01]\d|2[0-3])[0-5]\d$/.test(v);
}

/** CCYYMMDD that is a day of the calendar. */
export function validDate(v: string): boolean {
  if (!/^\d{8}$/.test(v)) return false;
  const d = new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replace(/-/g, '') === v;
}

export const isaField = (n: number) => `ISA${pad2(n)}`;
