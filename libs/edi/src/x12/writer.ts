import { BuildError } from '../errors';
import type { X12Separators } from '../partner';

export const DEFAULT_X12_SEPARATORS: X12Separators = { element: '*', component: '>', repetition: '^', segment: '~' };

/** An element is a value, or its components. */
export type X12Element = string | string[];

/** Writes segments (`[id, e1, e2, …]`, trailing empty elements dropped), one per line after its terminator. */
export function writeX12(segments: X12Element[][], separators: X12Separators): string {
  const reserved = [separators.element, separators.component, separators.segment, ...(separators.repetition ? [separators.repetition] : [])];
  return segments
    .map((segment) => {
      const id = segment[0] as string;
      const elements = segment.map((e, i) => {
        const values = typeof e === 'string' ? [e] : e;
        if (id !== 'ISA') values.forEach((value) => check(id, i, value, reserved));
        return typeof e === 'string' ? e : trimEnd(e).join(separators.component);
      });
      while (elements.length > 1 && elements[elements.length - 1] === '') elements.pop();
      return elements.join(separators.element) + separators.segment + '\n';
    })
    .join('');
}

function trimEnd(values: string[]): string[] {
  const out = [...values];
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

function check(id: string, i: number, value: string, reserved: string[]): void {
  const bad = reserved.find((r) => value.includes(r));
  const field = `${id}${String(i).padStart(2, '0')}`;
  if (bad !== undefined) throw new BuildError(`${field} holds the separator ${JSON.stringify(bad)}`, field);
  if (/[\r\n]/.test(value)) throw new BuildError(`${field} holds a line break`, field);
}
