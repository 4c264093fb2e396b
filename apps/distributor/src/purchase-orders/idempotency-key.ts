import { unprocessable } from '@tradelane/platform';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './intake-limits';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Keys the distributor gives the orders it places itself; a buyer's key may not look like one. */
export const BACK_ORDER_KEY_PREFIX = 'back-order:';

export const backOrderKey = (parentOrderId: string) => `${BACK_ORDER_KEY_PREFIX}${parentOrderId}`;

/** The buyer's key, from the header or the body; both may be given if they agree. */
export function idempotencyKeyOf(bodyKey: string | undefined, headerKey: string | undefined): string | undefined {
  if (headerKey !== undefined) {
    if (headerKey.length === 0 || headerKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw unprocessable([{ field: IDEMPOTENCY_KEY_HEADER, message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` }]);
    }
    if (bodyKey !== undefined && bodyKey !== headerKey) {
      throw unprocessable([{ field: IDEMPOTENCY_KEY_HEADER, message: 'differs from idempotencyKey in the body' }]);
    }
  }
  const key = headerKey ?? bodyKey;
  if (key?.startsWith(BACK_ORDER_KEY_PREFIX)) {
    const field = headerKey !== undefined ? IDEMPOTENCY_KEY_HEADER : 'idempotencyKey';
    throw unprocessable([{ field, message: `must not start with ${BACK_ORDER_KEY_PREFIX}, which is kept for back-orders` }]);
  }
  return key;
}
