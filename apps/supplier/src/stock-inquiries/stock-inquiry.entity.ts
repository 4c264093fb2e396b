import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InquiryLine, StockAnswer } from '@tradelane/contracts';

export type InquiryStatus = 'open' | 'answered';

/** A stock inquiry as the supplier received it (step 2), and its answer (step 3) once given. */
@Entity({ name: 'stock_inquiries' })
@Index(['supplierId', 'status'])
export class StockInquiryRecord {
  @PrimaryColumn({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'supplier_id', type: 'text' })
  supplierId: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'jsonb' })
  lines: InquiryLine[];

  @Column({ type: 'text' })
  status: InquiryStatus;

  @Column({ type: 'jsonb', nullable: true })
  answer: StockAnswer | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
