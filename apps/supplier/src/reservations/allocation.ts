/** What one line wants from one SKU's stock. */
export interface LineWant {
  lineNo: number;
  sku: string;
  quantity: number;
}

/**
 * Shares each SKU's available units among the lines that want it, in line order: each line gets
 * what it wants while units last. Lines of the same SKU never count the same unit twice.
 */
export function allocate(wants: LineWant[], available: ReadonlyMap<string, number>): Map<number, number> {
  const left = new Map(available);
  const out = new Map<number, number>();
  for (const want of wants) {
    const units = Math.max(0, Math.min(want.quantity, left.get(want.sku) ?? 0));
    out.set(want.lineNo, units);
    left.set(want.sku, (left.get(want.sku) ?? 0) - units);
  }
  return out;
}
