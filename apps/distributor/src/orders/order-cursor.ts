import { isUUID } from 'class-validator';
import { ProblemException } from '@tradelane/platform';
import type { OrderSort } from './dto/order-filter.dto';

/** Where a page ended: the last row's sort key and its order id (the tie-break), for one sort. */
export interface OrderCursor {
  sort: OrderSort;
  key: string;
  orderId: string;
}

/** Opaque to clients: base64url of a small JSON object. */
export function encodeOrderCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, id: cursor.orderId }), 'utf8').toString('base64url');
}

const KEY_PATTERNS: Record<string, RegExp> = {
  createdAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  wantedBy: /^.{0,40}$/,
};

/**
 * The cursor a page handed out, for the same sort. One the schema allows but this list never
 * handed out (a cursor of another sort, a tampered key, base64url of anything else) is a 422
 * naming `cursor`: the house answers 400 only to what breaks the documented schema.
 */
export function decodeOrderCursor(text: string, sort: OrderSort): OrderCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('is not a cursor this list handed out');
  }
  const { s, k, id } = (parsed ?? {}) as { s?: unknown; k?: unknown; id?: unknown };
  if (s !== sort) throw badCursor(`belongs to another sort than ${sort}; start again without a cursor`);
  if (typeof k !== 'string' || !KEY_PATTERNS[sort.replace(/^-/, '')].test(k) || typeof id !== 'string' || !isUUID(id)) {
    throw badCursor('is not a cursor this list handed out');
  }
  return { sort, key: k, orderId: id };
}

function badCursor(message: string): ProblemException {
  return new ProblemException(422, 'unknown-cursor', 'Unknown cursor', `cursor: ${message}`, [{ field: 'cursor', message }]);
}
