import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DispatchNotice } from '@tradelane/contracts';
import { StockMovement } from '../suppliers/stock-movement.entity';
import { DispatchNoticeRecord } from './dispatch-notice.entity';

@Injectable()
export class DispatchNoticesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Activity: step 6 arrives and the goods leave stock. The notice id is the key: the first
   * delivery records the notice and moves stock in one transaction; any retry finds it and stops.
   */
  async receiveDispatchNotice(notice: DispatchNotice): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(DispatchNoticeRecord)
        .values({
          noticeId: notice.noticeId,
          orderId: notice.orderId,
          supplierId: notice.supplierId,
          carrierId: notice.carrierId,
          pickupDate: notice.pickupDate,
          lines: notice.lines,
          receivedAt: new Date(),
        })
        .orIgnore()
        .returning(['noticeId'])
        .execute();
      if (inserted.raw.length === 0) return;
      // One statement for all lines: a bulk order's dispatch is thousands of lines.
      await tx.query(
        `UPDATE supplier.stock_items s SET on_hand = s.on_hand - d.quantity
           FROM unnest($2::text[], $3::bigint[]) AS d(sku, quantity)
          WHERE s.supplier_id = $1 AND s.sku = d.sku`,
        [notice.supplierId, notice.lines.map((l) => l.sku), notice.lines.map((l) => l.quantity)],
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
    });
  }
}
