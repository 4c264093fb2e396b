import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InquiryLine, StockAnswer } from '@tradelane/contracts';

export const INQUIRY_STATUSES = ['open', 'answered', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

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

  /** Set when the order no longer needs this inquiry; an answered inquiry keeps its status. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdraw_reason', type: 'text', nullable: true })
  withdrawReason: string | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** When the order stops waiting for this answer, as the last reminder said. */
  @Column({ name: 'answer_deadline', type: 'timestamptz', nullable: true })
  answerDeadline: Date | null;
}
