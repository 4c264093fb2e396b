import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { FAILURE, type DispatchNotice } from '@tradelane/contracts';
import { refusal } from '@tradelane/platform';
import { LIVE_HOLD, stockLevels } from '../reservations/stock-levels';
import { StockMovement } from '../suppliers/stock-movement.entity';
import { DispatchNoticeRecord } from './dispatch-notice.entity';
import { dispatchShortages, type HeldLine } from './stock-gone';

@Injectable()
export class DispatchNoticesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Step 6 arrives and the goods leave stock, taking what the inquiry holds. The notice
   * id is the key: the first delivery records the notice and moves stock in one transaction; any
   * retry finds it and stops. Stock that is gone fails the dispatch whole, and for good.
   */
  async dispatch(notice: DispatchNotice): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(DispatchNoticeRecord)
        .values({
          noticeId: notice.noticeId,
          orderId: notice.orderId,
          supplierId: notice.supplierId,
          inquiryId: notice.inquiryId ?? null,
          carrierId: notice.carrierId,
          pickupDate: notice.pickupDate,
          lines: notice.lines,
          receivedAt: new Date(),
          status: 'received',
        })
        .orIgnore()
        .returning(['noticeId'])
        .execute();
      if (inserted.raw.length === 0) return;
      const skus = notice.lines.map((l) => l.sku);
      const levels = await stockLevels(tx, notice.supplierId, skus, { lock: true });
      const held = await this.heldLines(tx, notice);
      const gone = dispatchShortages(notice.lines, held, levels);
      if (gone.length > 0) {
        const short = gone.map((g) => `${g.needed} of ${g.sku} (${g.available} available)`).join(', ');
        throw refusal(
          FAILURE.stockGone,
          `dispatch ${notice.noticeId} for order ${notice.orderId}: supplier ${notice.supplierId} cannot release ${short}; the hold lapsed or was released and the units went to other orders`,
          { field: 'lines', reason: `stock gone: ${short}` },
        );
      }
      // One statement per step for all lines: a bulk order's dispatch is thousands of lines.
      await tx.query(
        `UPDATE supplier.stock_items s SET on_hand = s.on_hand - d.quantity
           FROM (SELECT sku, sum(quantity) AS quantity FROM unnest($2::text[], $3::bigint[]) AS u(sku, quantity) GROUP BY sku) AS d
          WHERE s.supplier_id = $1 AND s.sku = d.sku`,
        [notice.supplierId, skus, notice.lines.map((l) => l.quantity)],
      );
      await tx
        .createQueryBuilder()
        .insert()
        .into(StockMovement)
        .values(
          notice.lines.map((line) => ({
            supplierId: notice.supplierId,
            sku: line.sku,
            delta: -line.quantity,
            reason: 'dispatch',
            orderId: notice.orderId,
            noticeId: notice.noticeId,
          })),
        )
        .execute();
      if (notice.inquiryId) {
        await tx.query(
          `UPDATE supplier.stock_reservations r SET status = 'dispatched', notice_id = $3, updated_at = now()
             FROM unnest($4::int[], $5::text[]) AS d(line_no, sku)
            WHERE r.inquiry_id = $1 AND r.supplier_id = $2 AND r.line_no = d.line_no AND r.sku = d.sku
              AND r.status IN ('held', 'expired', 'released')`,
          [notice.inquiryId, notice.supplierId, notice.noticeId, notice.lines.map((l) => l.lineNo), skus],
        );
      }
    });
  }

  /**
   * The goods of a dispatch go back on the shelf (a compensation), exactly what it took.
   * Unknown notices are ignored (the dispatch may never have arrived); a second recall changes nothing.
   */
  async recall(noticeId: string, reason: string): Promise<void> {
    if (!isUUID(noticeId)) return;
    await this.dataSource.transaction(async (tx) => {
      const [notice] = await tx.query(
        `SELECT supplier_id, order_id, status FROM supplier.dispatch_notices WHERE notice_id = $1 FOR UPDATE`,
        [noticeId],
      );
      if (!notice || notice.status === 'recalled') return;
      const taken: { sku: string; quantity: string }[] = await tx.query(
        `SELECT sku, -sum(delta) AS quantity FROM supplier.stock_movements
          WHERE notice_id = $1 AND reason = 'dispatch' GROUP BY sku`,
        [noticeId],
      );
      if (taken.length > 0) {
        const skus = taken.map((t) => t.sku);
        const quantities = taken.map((t) => Number(t.quantity));
        await stockLevels(tx, notice.supplier_id, skus, { lock: true });
        await tx.query(
          `UPDATE supplier.stock_items s SET on_hand = s.on_hand + d.quantity
             FROM unnest($2::text[], $3::bigint[]) AS d(sku, quantity)
            WHERE s.supplier_id = $1 AND s.sku = d.sku`,
          [notice.supplier_id, skus, quantities],
        );
        await tx
          .createQueryBuilder()
          .insert()
          .into(StockMovement)
          .values(taken.map((t, i) => ({ supplierId: notice.supplier_id, sku: t.sku, delta: quantities[i], reason: 'recall', orderId: notice.order_id, noticeId })))
          .execute();
      }
      await tx.query(
        `UPDATE supplier.stock_reservations SET status = 'returned', updated_at = now() WHERE notice_id = $1 AND status = 'dispatched'`,
        [noticeId],
      );
      await tx.query(
        `UPDATE supplier.dispatch_notices SET status = 'recalled', recalled_at = now(), recall_reason = $2 WHERE notice_id = $1`,
        [noticeId, reason],
      );
    });
  }

  private async heldLines(tx: EntityManager, notice: DispatchNotice): Promise<HeldLine[]> {
    if (!notice.inquiryId) return [];
    const rows: { line_no: number; sku: string; quantity: string; live: boolean }[] = await tx.query(
      `SELECT line_no, sku, quantity, (${LIVE_HOLD}) AS live FROM supplier.stock_reservations
        WHERE inquiry_id = $1 AND supplier_id = $2 ORDER BY line_no FOR UPDATE`,
      [notice.inquiryId, notice.supplierId],
    );
    return rows.map((r) => ({ lineNo: r.line_no, sku: r.sku, quantity: Number(r.quantity), live: r.live }));
  }
}
