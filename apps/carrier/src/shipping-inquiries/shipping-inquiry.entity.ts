import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ShippingInquiry, ShippingQuote } from '@tradelane/contracts';

export const SHIPPING_INQUIRY_STATUSES = ['open', 'quoted', 'withdrawn'] as const;
/** `withdrawn`: the distributor no longer wants a quote (another carrier was chosen, or the order was called off). */
export type ShippingInquiryStatus = (typeof SHIPPING_INQUIRY_STATUSES)[number];

/** A shipping inquiry (step 4) as the carrier received it, and its quote (step 5) once given. */
@Entity({ name: 'shipping_inquiries' })
export class ShippingInquiryRecord {
  @PrimaryColumn({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'carrier_id', type: 'text' })
  carrierId: string;

  @Column({ type: 'jsonb' })
  inquiry: ShippingInquiry;

  @Column({ type: 'text' })
  status: ShippingInquiryStatus;

  @Column({ type: 'jsonb', nullable: true })
  quote: ShippingQuote | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** When the distributor escalates if no quote has come by then. */
  @Column({ name: 'reminder_deadline', type: 'timestamptz', nullable: true })
  reminderDeadline: Date | null;
}
