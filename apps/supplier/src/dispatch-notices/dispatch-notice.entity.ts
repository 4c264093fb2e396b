import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InquiryLine } from '@tradelane/contracts';

export type DispatchNoticeStatus = 'received' | 'recalled';

/** A dispatch notice (step 6) as the supplier received it; its arrival takes the goods out of stock. */
@Entity({ name: 'dispatch_notices' })
export class DispatchNoticeRecord {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'supplier_id', type: 'text' })
  supplierId: string;

  /** The stock inquiry whose reservations this dispatch takes. */
  @Column({ name: 'inquiry_id', type: 'uuid', nullable: true })
  inquiryId: string | null;

  @Column({ name: 'carrier_id', type: 'text' })
  carrierId: string;

  @Column({ name: 'pickup_date', type: 'date' })
  pickupDate: string;

  @Column({ type: 'jsonb' })
  lines: InquiryLine[];

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text' })
  status: DispatchNoticeStatus;

  @Column({ name: 'recalled_at', type: 'timestamptz', nullable: true })
  recalledAt: Date | null;

  @Column({ name: 'recall_reason', type: 'text', nullable: true })
  recallReason: string | null;
}
