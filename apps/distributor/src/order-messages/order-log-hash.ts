import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys sorted (recursively), no whitespace, undefined members left out
 * as JSON.stringify does. Postgres' jsonb keeps neither key order nor whitespace, so this is the
 * only form of a payload that is the same before it is stored and after it is read back.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined && typeof (value as Record<string, unknown>)[k] !== 'function')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${members.join(',')}}`;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What one entry of the order log is, as far as its hash is concerned. */
export interface ChainedContent {
  orderId: string;
  seq: number;
  step: number | null;
  name: string;
  sender: { role: string; id: string };
  receiver: { role: string; id: string };
  /** ISO 8601 with milliseconds, as `Date.prototype.toISOString()` writes it */
  sentAt: string;
  payload: unknown;
}

/**
 * hash = sha256 hex of `<prev hash or empty>\n<canonical JSON of the content>`. The first entry
 * of an order has no previous hash (the empty string before the newline).
 */
export function entryHash(prevHash: string | null, content: ChainedContent): string {
  const { orderId, seq, step, name, sender, receiver, sentAt, payload } = content;
  const body = canonicalJson({
    orderId,
    seq,
    step,
    name,
    sender: { role: sender.role, id: sender.id },
    receiver: { role: receiver.role, id: receiver.id },
    sentAt,
    payload,
  });
  return sha256Hex(`${prevHash ?? ''}\n${body}`);
}

/** The digest auditors see for a payload: the sha256 of its canonical JSON. */
export const payloadDigest = (payload: unknown): string => sha256Hex(canonicalJson(payload));
