import { DocumentError } from '../errors';
import type { X12Separators } from '../partner';
import { validDate } from './envelope';
import { pad2, type X12Segment } from './tokenizer';

/** AK403 / IK403 codes. */
export const ELEMENT = { missing: '1', tooLong: '5', invalidCharacter: '6', invalidCode: '7', invalidDate: '8' } as const;
/** AK304 / IK304 codes. */
export const SEGMENT = { missing: '3', unexpected: '2' } as const;

/** One transaction set's segments, positioned from ST = 1, read in order. */
export class X12Reader {
  readonly segments: X12Segment[];
  private index = 1;

  constructor(
    transaction: X12Segment[],
    readonly separators: X12Separators,
  ) {
    const start = transaction[0].position;
    // SE is the envelope's; documents read what lies between.
    this.segments = transaction.slice(0, -1).map((s) => ({ ...s, position: s.position - start + 1 }));
  }

  peek(): X12Segment | undefined {
    return this.segments[this.index];
  }

  next(): X12Segment | undefined {
    return this.segments[this.index++];
  }

  /** The next segment if it is `id`. */
  take(id: string): X12Segment | undefined {
    if (this.peek()?.id !== id) return undefined;
    return this.next();
  }

  need(id: string): X12Segment {
    const segment = this.take(id);
    if (!segment) {
      const at = this.peek();
      throw new DocumentError(`${id} is missing${at ? ` before ${at.id} at segment ${at.position}` : ''}`, SEGMENT.missing, {
        segmentId: id,
        segmentPosition: at?.position ?? this.segments.length + 1,
        field: id,
      });
    }
    return segment;
  }

  /** Skips segments this library does not read, up to one of `ids` (or the end). */
  skipTo(...ids: string[]): X12Segment | undefined {
    while (this.peek() && !ids.includes(this.peek()!.id)) this.index++;
    return this.peek();
  }
}

function at(segment: X12Segment, n: number, value?: string, componentPosition?: number) {
  return {
    segmentId: segment.id,
    segmentPosition: segment.position,
    elementPosition: n,
    ...(componentPosition ? { componentPosition } : {}),
    ...(value !== undefined && value !== '' ? { value } : {}),
    field: `${segment.id}${pad2(n)}`,
  };
}

export function optional(segment: X12Segment, n: number, max = 256): string | undefined {
  const value = segment.elements[n];
  if (value === undefined || value === '') return undefined;
  if (value.length > max) throw new DocumentError(`${segment.id}${pad2(n)} is longer than ${max} characters`, ELEMENT.tooLong, at(segment, n, value));
  return value;
}

export function required(segment: X12Segment, n: number, max = 256): string {
  const value = optional(segment, n, max);
  if (value === undefined) throw new DocumentError(`${segment.id}${pad2(n)} is required`, ELEMENT.missing, at(segment, n));
  return value;
}

export function code<T extends string>(segment: X12Segment, n: number, codes: readonly T[]): T {
  const value = required(segment, n);
  if (!codes.includes(value as T)) throw new DocumentError(`${segment.id}${pad2(n)} ${JSON.stringify(value)} is not one of ${codes.join(', ')}`, ELEMENT.invalidCode, at(segment, n, value));
  return value as T;
}

/** A whole number (X12 R or N0 without fraction). */
export function integer(segment: X12Segment, n: number, value = required(segment, n)): number {
  const match = /^(\d{1,15})(\.0*)?$/.exec(value);
  if (!match) throw new DocumentError(`${segment.id}${pad2(n)} ${JSON.stringify(value)} is not a whole number`, ELEMENT.invalidCharacter, at(segment, n, value));
  return Number(match[1]);
}

/** A decimal (X12 R): digits with an optional point, no exponent. */
export function decimal(segment: X12Segment, n: number, value = required(segment, n)): string {
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value) || value.replace(/[-.]/g, '').length > 18) {
    throw new DocumentError(`${segment.id}${pad2(n)} ${JSON.stringify(value)} is not a number`, ELEMENT.invalidCharacter, at(segment, n, value));
  }
  return value;
}

/** CCYYMMDD → YYYY-MM-DD. */
export function date(segment: X12Segment, n: number, value = required(segment, n)): string {
  if (!validDate(value)) throw new DocumentError(`${segment.id}${pad2(n)} ${JSON.stringify(value)} is not a date (CCYYMMDD)`, ELEMENT.invalidDate, at(segment, n, value));
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

export function invalid(segment: X12Segment, n: number, message: string, errorCode: string = ELEMENT.invalidCode): DocumentError {
  return new DocumentError(`${segment.id}${pad2(n)} ${message}`, errorCode, at(segment, n, segment.elements[n]));
}

/** The value following a qualifier among pairs (PO106/PO107, PO108/PO109 …). */
export function qualified(segment: X12Segment, from: number, qualifiers: string[]): { value: string; position: number } | undefined {
  for (let i = from; i + 1 < segment.elements.length; i += 2) {
    if (qualifiers.includes(segment.elements[i])) return { value: segment.elements[i + 1], position: i + 1 };
  }
  return undefined;
}

export const x12Date = (isoDate: string) => isoDate.slice(0, 10).replace(/-/g, '');
