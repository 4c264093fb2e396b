import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

export const RESERVATION_STATUSES = ['held', 'released', 'dispatched', 'expired', 'returned'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * Stock held for one line of an answered stock inquiry. Only `held` rows whose `heldUntil` is
 * still ahead count against availability, so a lapsed hold frees its units without any job.
 */
@Entity({ name: 'stock_reservations' })
export class StockReservation {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @Column({ name: 'line_no', type: 'int' })
  lineNo: number;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'supplier_id', type: 'text' })
  supplierId: string;

  @Column({ type: 'text' })
  sku: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  quantity: number;

  @Column({ type: 'text' })
  status: ReservationStatus;

  @Column({ name: 'held_until', type: 'timestamptz' })
  heldUntil: Date;

  /** The dispatch notice that took (and, if recalled, returned) the units. */
  @Column({ name: 'notice_id', type: 'uuid', nullable: true })
  noticeId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
