import { createHash } from 'node:crypto';
import { MAX_IDEMPOTENCY_KEY } from './intake-rules';

/**
 * The intake's idempotency key for an inbound purchase order: the interchange's control number
 * and the buyer's PO number, so a resend of the same interchange is answered with the first
 * order. Keys are per buyer in the intake, so the partner's identity need not be in it.
 */
export function purchaseOrderKey(standard: 'x12' | 'edifact' | 'cxml', interchangeControlNumber: string, purchaseOrderNumber: string): string {
  const key = `${standard}:${interchangeControlNumber}:${purchaseOrderNumber}`;
  if (key.length <= MAX_IDEMPOTENCY_KEY) return key;
  return `${standard}:sha256:${createHash('sha256').update(key).digest('hex')}`;
}
