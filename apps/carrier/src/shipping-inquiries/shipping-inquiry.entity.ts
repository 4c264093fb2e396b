import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ShippingInquiry, ShippingQuote } from '@tradelane/contracts';

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
  status: 'open' | 'quoted';

  @Column({ type: 'jsonb', nullable: true })
  quote: ShippingQuote | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
