import { DocumentError } from '../errors';
import type { EdifactSeparators } from '../partner';
import type { EdifactSegment } from './tokenizer';

/** 0085 syntax error codes used for content. */
export const SYNTAX = { invalidValue: '12', missing: '13', notSupportedHere: '15', tooLong: '39' } as const;

/** One message's segments, positioned from UNH = 1. */
export class EdifactReader {
  readonly segments: EdifactSegment[];
  private index = 1;

  constructor(
    message: EdifactSegment[],
    readonly separators: EdifactSeparators,
  ) {
    const start = message[0].position;
    this.segments = message.slice(0, -1).map((s) => ({ ...s, position: s.position - start + 1 }));
  }

  next(): EdifactSegment | undefined {
    return this.segments[this.index++];
  }

  peek(): EdifactSegment | undefined {
    return this.segments[this.index];
  }

  need(tag: string): EdifactSegment {
    if (this.peek()?.tag === tag) return this.next()!;
    throw new DocumentError(`${tag} is missing`, SYNTAX.missing, { segmentId: tag, segmentPosition: this.peek()?.position ?? this.segments.length + 1, field: tag });
  }
}

function at(s: EdifactSegment, e: number, c: number, value?: string) {
  return { segmentId: s.tag, segmentPosition: s.position, elementPosition: e, componentPosition: c + 1, ...(value ? { value } : {}), field: `${s.tag}${String(e).padStart(2, '0')}${c ? `-${c + 1}` : ''}` };
}

export function opt(s: EdifactSegment, e: number, c = 0, max = 256): string | undefined {
  const value = s.elements[e]?.[c];
  if (value === undefined || value === '') return undefined;
  if (value.length > max) throw new DocumentError(`${s.tag} element ${e}.${c + 1} is longer than ${max}`, SYNTAX.tooLong, at(s, e, c, value));
  return value;
}

export function req(s: EdifactSegment, e: number, c = 0, max = 256): string {
  const value = opt(s, e, c, max);
  if (value === undefined) throw new DocumentError(`${s.tag} element ${e}.${c + 1} is required`, SYNTAX.missing, at(s, e, c));
  return value;
}

export function bad(s: EdifactSegment, e: number, c: number, message: string): DocumentError {
  return new DocumentError(`${s.tag} element ${e}.${c + 1} ${message}`, SYNTAX.invalidValue, at(s, e, c, s.elements[e]?.[c]));
}

/** A number with the advice's decimal mark (a point or a comma is taken, as the syntax allows). */
export function numeric(s: EdifactSegment, e: number, c = 0): string {
  const value = req(s, e, c).replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) throw bad(s, e, c, `${JSON.stringify(value)} is not a number`);
  return value;
}

export function whole(s: EdifactSegment, e: number, c = 0): number {
  const value = numeric(s, e, c);
  if (!/^\d{1,15}(\.0*)?$/.test(value)) throw bad(s, e, c, `${JSON.stringify(value)} is not a whole number`);
  return Number(value.split('.')[0]);
}

/** DTM C507: qualifier, value, format 102 (CCYYMMDD) → YYYY-MM-DD. */
export function dtm(s: EdifactSegment): { qualifier: string; date: string } {
  const qualifier = req(s, 1, 0);
  const value = req(s, 1, 1);
  const format = opt(s, 1, 2) ?? '102';
  const digits = format === '203' || format === '204' ? value.slice(0, 8) : value;
  if ((format !== '102' && format !== '203' && format !== '204') || !validCcyymmdd(digits)) throw bad(s, 1, 1, `${JSON.stringify(value)} is not a date in format 102 (CCYYMMDD)`);
  return { qualifier, date: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` };
}

function validCcyymmdd(v: string): boolean {
  if (!/^\d{8}$/.test(v)) return false;
  const d = new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replace(/-/g, '') === v;
}

export const edifactDate = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
