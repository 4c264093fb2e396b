import type { EdifactSeparators } from '../partner';
import { EdifactSyntaxError, tokenizeEdifact, type EdifactSegment } from './tokenizer';

export interface EdifactMessage {
  /** UNH 0062. */
  reference: string;
  /** UNH S009: type, version, release, agency, e.g. ORDERS D 96A UN. */
  type: string;
  version: string;
  release: string;
  agency: string;
  /** UNH … UNT. */
  segments: EdifactSegment[];
  fault?: { code: string; message: string; field: string; segmentPosition?: number; elementPosition?: number };
}

export interface EdifactParty {
  id: string;
  qualifier?: string;
}

export interface EdifactInterchange {
  separators: EdifactSeparators;
  syntaxIdentifier: string;
  syntaxVersion: string;
  sender: EdifactParty;
  recipient: EdifactParty;
  /** YYMMDD and HHMM (UNB S004). */
  date: string;
  time: string;
  controlReference: string;
  acknowledgmentRequested: boolean;
  test: boolean;
  messages: EdifactMessage[];
}

const v = (s: EdifactSegment | undefined, e: number, c = 0) => s?.elements[e]?.[c] ?? '';

/** Reads UNB … UNZ. A broken interchange envelope throws (its CONTRL rejects the interchange); a broken message is kept as its `fault`. */
export function readEdifactInterchange(raw: string): EdifactInterchange {
  const { separators, segments } = tokenizeEdifact(raw);
  const unb = segments[0];
  if (unb?.tag !== 'UNB') throw new EdifactSyntaxError('the interchange does not start with UNB', '13', 'UNB', 1);
  for (const [e, field] of [[1, 'UNB S001'], [2, 'UNB S002'], [3, 'UNB S003'], [4, 'UNB S004'], [5, 'UNB 0020']] as const) {
    if (!v(unb, e)) throw new EdifactSyntaxError(`${field} is missing`, '13', field, 1);
  }
  const date = v(unb, 4, 0);
  const time = v(unb, 4, 1);
  if (!/^\d{6}(\d{2})?$/.test(date) || !/^([01]\d|2[0-3])[0-5]\d$/.test(time)) throw new EdifactSyntaxError(`UNB S004 ${date}:${time} is not a date and time`, '12', 'UNB S004', 1);
  const interchange: EdifactInterchange = {
    separators,
    syntaxIdentifier: v(unb, 1, 0),
    syntaxVersion: v(unb, 1, 1),
    sender: party(unb, 2),
    recipient: party(unb, 3),
    date: date.slice(-6),
    time,
    controlReference: v(unb, 5),
    acknowledgmentRequested: v(unb, 9) === '1',
    test: v(unb, 11) === '1',
    messages: [],
  };
  const unz = segments[segments.length - 1];
  if (unz.tag !== 'UNZ') throw new EdifactSyntaxError('the interchange has no UNZ trailer', '13', 'UNZ', segments.length + 1);
  if (v(unz, 2) !== interchange.controlReference) {
    throw new EdifactSyntaxError(`UNZ 0020 ${JSON.stringify(v(unz, 2))} does not match UNB 0020 ${interchange.controlReference}`, '28', 'UNZ 0020', unz.position);
  }
  let message: EdifactMessage | undefined;
  for (const segment of segments.slice(1, -1)) {
    if (segment.tag === 'UNG' || segment.tag === 'UNE') throw new EdifactSyntaxError('functional groups (UNG/UNE) are not taken', '15', segment.tag, segment.position);
    if (segment.tag === 'UNH') {
      if (message) closeUnended(message);
      message = { reference: v(segment, 1), type: v(segment, 2, 0), version: v(segment, 2, 1), release: v(segment, 2, 2), agency: v(segment, 2, 3), segments: [segment] };
      if (!message.reference) message.fault = { code: '13', message: 'UNH 0062 (the message reference) is missing', field: 'UNH 0062', segmentPosition: 1, elementPosition: 1 };
      interchange.messages.push(message);
    } else if (message) {
      message.segments.push(segment);
      if (segment.tag === 'UNT') {
        message.fault ??= trailerFault(message, segment);
        message = undefined;
      }
    } else {
      throw new EdifactSyntaxError(`${segment.tag} at segment ${segment.position} is outside a message`, '33', segment.tag, segment.position);
    }
  }
  if (message) closeUnended(message);
  if (v(unz, 1) !== String(interchange.messages.length)) {
    throw new EdifactSyntaxError(`UNZ 0036 says ${v(unz, 1)} messages, the interchange has ${interchange.messages.length}`, '29', 'UNZ 0036', unz.position);
  }
  return interchange;
}

function party(unb: EdifactSegment, e: number): EdifactParty {
  const qualifier = v(unb, e, 1);
  return { id: v(unb, e, 0), ...(qualifier ? { qualifier } : {}) };
}

function closeUnended(message: EdifactMessage): void {
  message.fault ??= { code: '13', message: `message ${message.reference} has no UNT trailer`, field: 'UNT' };
}

function trailerFault(message: EdifactMessage, unt: EdifactSegment): EdifactMessage['fault'] {
  const position = message.segments.length;
  if (v(unt, 2) !== message.reference) {
    return { code: '28', message: `UNT 0062 ${JSON.stringify(v(unt, 2))} does not match UNH 0062 ${message.reference}`, field: 'UNT 0062', segmentPosition: position, elementPosition: 2 };
  }
  if (v(unt, 1) !== String(message.segments.length)) {
    return { code: '29', message: `UNT 0074 says ${v(unt, 1)} segments, the message has ${message.segments.length}`, field: 'UNT 0074', segmentPosition: position, elementPosition: 1 };
  }
  return undefined;
}
