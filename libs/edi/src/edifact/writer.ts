import type { EdifactSeparators } from '../partner';

/** An element is a value, or its components. */
export type EdifactElement = string | string[];

/** Writes segments with the UNA advice first, escaping separators with the release character. */
export function writeEdifact(segments: EdifactElement[][], separators: EdifactSeparators): string {
  const { component, element, decimal, release, segment } = separators;
  const reserved = new Set([component, element, release, segment]);
  const escape = (v: string) => [...v].map((c) => (reserved.has(c) ? release + c : c)).join('');
  const una = `UNA${component}${element}${decimal}${release} ${segment}\n`;
  return (
    una +
    segments
      .map((s) => {
        const elements = s.map((e) => trimEnd(typeof e === 'string' ? [e] : e).map(escape).join(component));
        while (elements.length > 1 && elements[elements.length - 1] === '') elements.pop();
        return elements.join(element) + segment + '\n';
      })
      .join('')
  );
}

function trimEnd(values: string[]): string[] {
  const out = [...values];
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}
