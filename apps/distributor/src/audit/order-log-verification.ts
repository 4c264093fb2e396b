import { entryHash, type ChainedContent } from '../order-messages/order-log-hash';

export interface ChainedEntry extends ChainedContent {
  prevHash: string | null;
  hash: string;
}

export type Verification =
  | { orderId: string; intact: true; entries: number }
  | { orderId: string; intact: false; entries: number; firstBroken: { seq: number; reason: string } };

/** Recomputes the chain from what is stored; the first entry that does not hold is reported. */
export function verifyOrderLog(orderId: string, entries: ChainedEntry[]): Verification {
  const broken = (seq: number, reason: string): Verification => ({
    orderId,
    intact: false,
    entries: entries.length,
    firstBroken: { seq, reason },
  });
  let previous: ChainedEntry | undefined;
  for (const [i, entry] of entries.entries()) {
    const expectedSeq = i + 1;
    if (entry.seq !== expectedSeq) return broken(expectedSeq, `seq missing (the next entry recorded is ${entry.seq})`);
    if (entryHash(entry.prevHash, entry) !== entry.hash) return broken(entry.seq, 'hash does not match its content');
    const expectedPrev = previous?.hash ?? null;
    if (entry.prevHash !== expectedPrev) {
      return broken(entry.seq, previous ? `prev_hash does not match entry ${previous.seq}` : 'the first entry has a prev_hash');
    }
    previous = entry;
  }
  return { orderId, intact: true, entries: entries.length };
}
