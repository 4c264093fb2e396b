import type { PublicJwk, SignedCheckpoint } from './checkpoints/checkpoint-signing';
import type { ChainedEntry } from './order-log-verification';

export const BUNDLE_FORMAT = 'tradelane-order-log/1';

/** Everything `verify-offline` needs besides the public key the auditor trusts. */
export interface OrderLogBundle {
  format: typeof BUNDLE_FORMAT;
  orderId: string;
  exportedAt: string;
  entries: ChainedEntry[];
  /** contiguous, from the first checkpoint holding a head of this order to the latest */
  checkpoints: SignedCheckpoint[];
  /** the keys the distributor says it signs with: for reference only, verify with a key you hold */
  publicKeys: PublicJwk[];
}

export function orderLogBundle(orderId: string, entries: ChainedEntry[], checkpoints: SignedCheckpoint[], publicKeys: PublicJwk[]): OrderLogBundle {
  const first = checkpoints.findIndex((c) => c.heads.some((h) => h.orderId === orderId));
  return {
    format: BUNDLE_FORMAT,
    orderId,
    exportedAt: new Date().toISOString(),
    entries,
    checkpoints: first === -1 ? [] : checkpoints.slice(first),
    publicKeys,
  };
}
