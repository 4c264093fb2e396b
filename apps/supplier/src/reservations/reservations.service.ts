import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { StockReservation, type ReservationStatus } from './stock-reservation.entity';
import type { StockLevel } from './stock-levels';

export interface ReservationFilter {
  orderId?: string;
  inquiryId?: string;
  status?: ReservationStatus;
}

@Injectable()
export class ReservationsService {
  constructor(
    @InjectRepository(StockReservation) private readonly reservations: Repository<StockReservation>,
    private readonly dataSource: DataSource,
  ) {}

  /** A supplier's reservations, each with its true status: lapsed holds are marked expired first. */
  async list(supplierId: string, filter: ReservationFilter): Promise<StockReservation[]> {
    await this.expireLapsed(supplierId);
    // The query DTO leaves absent filters as undefined keys, which TypeORM refuses in a where.
    const given = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return this.reservations.find({
      where: { supplierId, ...given },
      order: { id: 'ASC' },
      take: 5000,
    });
  }

  /**
   * Marks lapsed holds as expired. Availability never needs this (it ignores lapsed holds by
   * their time); it keeps what people read truthful, and touches only the supplier's held rows.
   */
  async expireLapsed(supplierId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE supplier.stock_reservations SET status = 'expired', updated_at = now()
        WHERE supplier_id = $1 AND status = 'held' AND held_until <= now()`,
      [supplierId],
    );
  }

  /** Every SKU of a supplier: on hand, held for orders, and free to commit. */
  async stockOf(supplierId: string): Promise<(StockLevel & { supplierId: string })[]> {
    const rows: { sku: string; on_hand: string; reserved: string; unit_price_minor: string; currency: string }[] =
      await this.dataSource.query(
        `SELECT s.sku, s.on_hand, coalesce(r.reserved, 0) AS reserved, s.unit_price_minor, s.currency
           FROM supplier.stock_items s
           LEFT JOIN (SELECT sku, sum(quantity) AS reserved FROM supplier.stock_reservations
                       WHERE supplier_id = $1 AND status = 'held' AND held_until > now() GROUP BY sku) r USING (sku)
          WHERE s.supplier_id = $1 ORDER BY s.sku`,
        [supplierId],
      );
    return rows.map((r) => ({
      supplierId,
      sku: r.sku,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      available: Number(r.on_hand) - Number(r.reserved),
      unitPriceMinor: Number(r.unit_price_minor),
      currency: r.currency,
    }));
  }
}
