import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TransportNotice } from '@tradelane/contracts';

export const TRANSPORT_NOTICE_STATUSES = ['open', 'accepted', 'rejected', 'cancelled'] as const;
/** `rejected`: the carrier's desk would not take it; `cancelled`: the distributor called the booking off. */
export type TransportNoticeStatus = (typeof TRANSPORT_NOTICE_STATUSES)[number];

/** A transport notice (step 7): the booking; accepted when the carrier takes the shipment. */
@Entity({ name: 'transport_notices' })
export class TransportNoticeRecord {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'carrier_id', type: 'text' })
  carrierId: string;

  @Column({ type: 'jsonb' })
  notice: TransportNotice;

  @Column({ type: 'text' })
  status: TransportNoticeStatus;

  @Column({ name: 'accepted_by', type: 'text', nullable: true })
  acceptedBy: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'rejected_by', type: 'text', nullable: true })
  rejectedBy: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** When the distributor escalates if the booking is not accepted by then. */
  @Column({ name: 'reminder_deadline', type: 'timestamptz', nullable: true })
  reminderDeadline: Date | null;
}
