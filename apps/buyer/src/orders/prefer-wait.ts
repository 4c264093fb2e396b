/** The longest a request may wait for something to arrive. */
export const MAX_WAIT_SECONDS = 20;

/**
 * How long the client prefers to wait, from an RFC 7240 `Prefer` header (`wait=10`), capped.
 * A preference, not a demand: one the server cannot read is ignored (0, answer at once).
 */
export function preferredWaitMs(prefer: string | undefined): number {
  const match = /(?:^|[,;\s])wait\s*=\s*"?(\d{1,6})"?(?:$|[,;\s])/i.exec(prefer ?? '');
  return match ? Math.min(Number(match[1]), MAX_WAIT_SECONDS) * 1000 : 0;
}
