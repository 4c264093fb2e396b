import type { X12Separators } from '../partner';

export interface X12Segment {
  id: string;
  /** `elements[n]` is element n (`elements[0]` is the id), as the text has it. */
  elements: string[];
  /** 1-based position in the interchange. */
  position: number;
}

export const ISA_LENGTH = 106;
/** ISA01…ISA16 widths: the ISA is fixed width. */
export const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

export class X12EnvelopeError extends Error {
  /** `code` is the TA1 note code (TA105). */
  constructor(
    message: string,
    readonly code: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'X12EnvelopeError';
  }
}

/** Separators come from the ISA itself: char 4, ISA11 (005010), ISA16 and the character after it. */
export function readSeparators(raw: string): X12Separators {
  if (!raw.startsWith('ISA')) throw new X12EnvelopeError('the interchange does not start with ISA', '022', 'ISA');
  if (raw.length < ISA_LENGTH) throw new X12EnvelopeError(`the ISA segment is ${raw.length} characters, not ${ISA_LENGTH}`, '023', 'ISA');
  const element = raw[3];
  if (/[A-Za-z0-9 ]/.test(element)) throw new X12EnvelopeError(`element separator ${JSON.stringify(element)} is a letter, digit or space`, '026', 'ISA');
  // ISA01…ISA15 by their widths first, so that a field out of width is named as such.
  const fields = raw.slice(4).split(element, 16);
  for (let i = 0; i < 15; i++) {
    if (fields[i]?.length !== ISA_WIDTHS[i]) {
      throw new X12EnvelopeError(`ISA${pad2(i + 1)} is ${fields[i]?.length ?? 0} characters wide, not ${ISA_WIDTHS[i]} (the ISA is fixed width)`, '022', `ISA${pad2(i + 1)}`);
    }
  }
  const component = raw[ISA_LENGTH - 2];
  const segment = raw[ISA_LENGTH - 1];
  if (/[A-Za-z0-9 ]/.test(component) || component === element) throw new X12EnvelopeError('ISA16 is not a usable component separator', '027', 'ISA16');
  if (/[A-Za-z0-9 ]/.test(segment) || segment === element || segment === component) throw new X12EnvelopeError('the segment terminator after ISA16 is not usable', '004', 'ISA');
  const repetition = fields[10] !== 'U' && !/[A-Za-z0-9 ]/.test(fields[10]) ? fields[10] : undefined;
  return { element, component, segment, ...(repetition ? { repetition } : {}) };
}

/** Splits an interchange into segments; line breaks after a terminator are not part of the next segment. */
export function tokenizeX12(input: string): { separators: X12Separators; segments: X12Segment[] } {
  const raw = input.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const separators = readSeparators(raw);
  const segments: X12Segment[] = [];
  for (const text of raw.split(separators.segment)) {
    const trimmed = text.replace(/^[\r\n]+/, '');
    if (trimmed === '') continue;
    const elements = trimmed.split(separators.element);
    segments.push({ id: elements[0], elements, position: segments.length + 1 });
  }
  return { separators, segments };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
