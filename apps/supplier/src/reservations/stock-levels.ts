import type { EntityManager } from 'typeorm';
import type { LineWant } from './allocation';

/** One SKU of a supplier as the next answer sees it. */
export interface StockLevel {
  sku: string;
  onHand: number;
  /** units held by reservations that have not lapsed */
  reserved: number;
  available: number;
  unitPriceMinor: number;
  currency: string;
}

interface ItemRow {
  sku: string;
  on_hand: string;
  unit_price_minor: string;
  currency: string;
}

/** A reservation counts while it is held and its hold has not passed. */
export const LIVE_HOLD = `status = 'held' AND held_until > now()`;

/**
 * Stock levels of some SKUs. With `lock`, the stock rows are locked (in SKU order, so that two
 * answers over overlapping SKUs queue instead of deadlocking) until the transaction ends: whoever
 * reserves must hold these locks, so no one else can reserve the same units meanwhile.
 */
export async function stockLevels(
  m: EntityManager,
  supplierId: string,
  skus: string[],
  { lock }: { lock: boolean },
): Promise<Map<string, StockLevel>> {
  const wanted = [...new Set(skus)];
  const items: ItemRow[] = await m.query(
    `SELECT sku, on_hand, unit_price_minor, currency FROM supplier.stock_items
      WHERE supplier_id = $1 AND sku = ANY($2::text[]) ORDER BY sku ${lock ? 'FOR UPDATE' : ''}`,
    [supplierId, wanted],
  );
  // A statement of its own: under READ COMMITTED it sees every reservation committed by whoever
  // held the locks before us; folded into the locking statement it would see an older snapshot.
  const held: { sku: string; reserved: string }[] = await m.query(
    `SELECT sku, sum(quantity) AS reserved FROM supplier.stock_reservations
      WHERE supplier_id = $1 AND sku = ANY($2::text[]) AND ${LIVE_HOLD} GROUP BY sku`,
    [supplierId, wanted],
  );
  const reserved = new Map(held.map((r) => [r.sku, Number(r.reserved)]));
  return new Map(
    items.map((item) => {
      const onHand = Number(item.on_hand);
      const r = reserved.get(item.sku) ?? 0;
      return [
        item.sku,
        { sku: item.sku, onHand, reserved: r, available: onHand - r, unitPriceMinor: Number(item.unit_price_minor), currency: item.currency },
      ];
    }),
  );
}

/** The end of a hold starting now, in the database's clock, which is the one expiry is judged by. */
export async function holdEnd(m: EntityManager, holdMinutes: number): Promise<Date> {
  const [row] = await m.query(`SELECT now() + make_interval(mins => $1::int) AS until`, [holdMinutes]);
  return row.until as Date;
}

export interface InquiryRef {
  inquiryId: string;
  orderId: string;
  supplierId: string;
}

/** Holds units for inquiry lines; a line already holding (a retried answer) is left as it is. */
export async function holdReservations(
  m: EntityManager,
  inquiry: InquiryRef,
  lines: LineWant[],
  heldUntil: Date,
): Promise<void> {
  const held = lines.filter((l) => l.quantity > 0);
  if (held.length === 0) return;
  // One statement for any number of lines: a bulk order's inquiry holds thousands.
  await m.query(
    `INSERT INTO supplier.stock_reservations (inquiry_id, order_id, supplier_id, line_no, sku, quantity, status, held_until)
     SELECT $1, $2, $3, d.line_no, d.sku, d.quantity, 'held', $4
       FROM unnest($5::int[], $6::text[], $7::bigint[]) AS d(line_no, sku, quantity)
     ON CONFLICT (inquiry_id, line_no) DO NOTHING`,
    [
      inquiry.inquiryId,
      inquiry.orderId,
      inquiry.supplierId,
      heldUntil,
      held.map((l) => l.lineNo),
      held.map((l) => l.sku),
      held.map((l) => l.quantity),
    ],
  );
}

/** Frees what an inquiry holds; a hold that had already lapsed is recorded as expired. */
export async function releaseReservations(m: EntityManager, inquiryId: string): Promise<void> {
  await m.query(
    `UPDATE supplier.stock_reservations
        SET status = CASE WHEN held_until > now() THEN 'released' ELSE 'expired' END, updated_at = now()
      WHERE inquiry_id = $1 AND status = 'held'`,
    [inquiryId],
  );
}
