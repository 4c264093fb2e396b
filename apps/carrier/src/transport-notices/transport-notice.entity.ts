import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TransportNotice } from '@tradelane/contracts';

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
  status: 'open' | 'accepted';

  @Column({ name: 'accepted_by', type: 'text', nullable: true })
  acceptedBy: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
