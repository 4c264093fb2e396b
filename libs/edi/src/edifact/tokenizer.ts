import type { EdifactSeparators } from '../partner';

export const DEFAULT_EDIFACT_SEPARATORS: EdifactSeparators = { component: ':', element: '+', decimal: '.', release: '?', segment: "'" };

export interface EdifactSegment {
  tag: string;
  /** `elements[n][c]` is element n, component c (from 0); `elements[0]` is the tag. Release characters are resolved. */
  elements: string[][];
  /** 1-based position in the interchange (UNA not counted). */
  position: number;
}

export class EdifactSyntaxError extends Error {
  /** `code` is the 0085 syntax error code of CONTRL. */
  constructor(
    message: string,
    readonly code: string,
    readonly field: string,
    readonly segmentPosition?: number,
  ) {
    super(message);
    this.name = 'EdifactSyntaxError';
  }
}

/** The UNA service string advice, or the defaults `:+.? '`. */
export function readServiceAdvice(raw: string): { separators: EdifactSeparators; rest: string } {
  if (!raw.startsWith('UNA')) return { separators: DEFAULT_EDIFACT_SEPARATORS, rest: raw };
  if (raw.length < 9) throw new EdifactSyntaxError('the UNA service string advice is shorter than 9 characters', '22', 'UNA');
  const [component, element, decimal, release, , segment] = raw.slice(3, 9);
  const separators = { component, element, decimal, release, segment };
  const chars = [component, element, release, segment];
  if (new Set(chars).size !== 4 || chars.some((c) => /[A-Za-z0-9\s]/.test(c))) {
    throw new EdifactSyntaxError(`the UNA service characters ${JSON.stringify(raw.slice(3, 9))} are not usable`, '22', 'UNA');
  }
  return { separators, rest: raw.slice(9) };
}

/** Splits an interchange into segments, elements and components; line breaks between segments are dropped. */
export function tokenizeEdifact(input: string): { separators: EdifactSeparators; segments: EdifactSegment[] } {
  const { separators, rest } = readServiceAdvice(input.replace(/^\uFEFF/, '').replace(/^\s+/, ''));
  const { component, element, release, segment } = separators;
  const segments: EdifactSegment[] = [];
  let elements: string[][] = [[]];
  let value = '';
  let started = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (!started && (c === '\r' || c === '\n')) continue;
    started = true;
    if (c === release) {
      if (i + 1 >= rest.length) throw new EdifactSyntaxError('the interchange ends with a release character', '21', 'UNZ', segments.length + 1);
      value += rest[++i];
    } else if (c === component) {
      elements[elements.length - 1].push(value);
      value = '';
    } else if (c === element) {
      elements[elements.length - 1].push(value);
      elements.push([]);
      value = '';
    } else if (c === segment) {
      elements[elements.length - 1].push(value);
      segments.push({ tag: elements[0][0], elements, position: segments.length + 1 });
      elements = [[]];
      value = '';
      started = false;
    } else {
      value += c;
    }
  }
  if (started && (value.trim() !== '' || elements.length > 1)) {
    throw new EdifactSyntaxError('the last segment has no segment terminator', '18', 'UNZ', segments.length + 1);
  }
  return { separators, segments };
}
