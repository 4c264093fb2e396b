import type { InquiryLine } from '@tradelane/contracts';

/** A reservation of the dispatched inquiry, as the dispatch finds it. */
export interface HeldLine {
  lineNo: number;
  sku: string;
  quantity: number;
  /** still held and not lapsed: its units are the order's */
  live: boolean;
}

export interface Shortage {
  sku: string;
  needed: number;
  available: number;
}

/**
 * Which SKUs a dispatch cannot take. Units the inquiry still holds are the order's; anything
 * beyond them (a lapsed or released hold, a line held short) must come from free stock, that is
 * on hand less what is held for everyone else.
 */
export function dispatchShortages(
  lines: InquiryLine[],
  held: HeldLine[],
  levels: ReadonlyMap<string, { onHand: number; reserved: number }>,
): Shortage[] {
  const byLine = new Map(held.map((h) => [h.lineNo, h]));
  const needed = new Map<string, number>();
  const ownLive = new Map<string, number>();
  for (const line of lines) {
    needed.set(line.sku, (needed.get(line.sku) ?? 0) + line.quantity);
    const h = byLine.get(line.lineNo);
    if (h?.live && h.sku === line.sku) ownLive.set(line.sku, (ownLive.get(line.sku) ?? 0) + h.quantity);
  }
  const out: Shortage[] = [];
  for (const [sku, n] of needed) {
    const level = levels.get(sku);
    const available = level ? level.onHand - (level.reserved - (ownLive.get(sku) ?? 0)) : 0;
    if (n > available) out.push({ sku, needed: n, available: Math.max(0, available) });
  }
  return out;
}
