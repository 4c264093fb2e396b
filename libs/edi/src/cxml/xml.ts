import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DocumentError } from '../errors';

/** An element as parsed: attributes under `@name`, children as arrays, text under `#text`. */
export type XmlNode = { [key: string]: XmlNode[] | string | undefined } | string;

/** XML that this library refuses to read, and why: malformed, or asking for entity expansion. */
export class UnsafeXmlError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'UnsafeXmlError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  trimValues: true,
});

/**
 * Parses XML safely: an internal DTD subset or any ENTITY declaration is refused outright (so
 * no entity expansion, no external entity), a DOCTYPE naming only an external DTD is allowed
 * (cXML documents carry one) and never fetched, and values stay text (`00123` stays `00123`).
 * Only the five predefined entities and character references are decoded.
 */
export function parseXml(raw: string): Record<string, XmlNode[]> {
  const text = raw.replace(/^\uFEFF/, '');
  if (/<!ENTITY/i.test(text)) throw new UnsafeXmlError('the document declares entities, which are not taken', 'DOCTYPE');
  const doctype = /<!DOCTYPE\b([^>[]*)(\[|>)/i.exec(text);
  if (doctype?.[2] === '[') throw new UnsafeXmlError('the document has an internal DTD subset, which is not taken', 'DOCTYPE');
  if (/<!DOCTYPE/i.test(text) && !doctype) throw new UnsafeXmlError('the DOCTYPE is malformed', 'DOCTYPE');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new UnsafeXmlError(`the XML is malformed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`, 'xml');
  return parser.parse(text) as Record<string, XmlNode[]>;
}

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, name: string) => {
    if (name === 'amp') return '&';
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'quot') return '"';
    if (name === 'apos') return "'";
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || typeof node === 'string') return [];
  const value = node[name];
  return Array.isArray(value) ? value : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Follows a path of element names, first match at each step. */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  return names.reduce<XmlNode | undefined>((n, name) => child(n, name), node);
}

export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return decode(node);
  const t = node['#text'];
  return typeof t === 'string' ? decode(t) : '';
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!node || typeof node === 'string') return undefined;
  const v = node[`@${name}`];
  return typeof v === 'string' ? decode(v) : undefined;
}

export function needAttr(node: XmlNode | undefined, name: string, where: string): string {
  const v = attr(node, name);
  if (v === undefined || v === '') throw new DocumentError(`${where}@${name} is required`, '400', { field: `${where}@${name}` });
  return v;
}

export function needText(node: XmlNode | undefined, where: string): string {
  const v = text(node)?.trim();
  if (!v) throw new DocumentError(`${where} is required`, '400', { field: where });
  return v;
}
