import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TransferNotice } from '@tradelane/contracts';

export const TRANSFER_NOTICE_EVENT_STATUSES = ['accepted', 'refused'] as const;
export type TransferNoticeEventStatus = (typeof TRANSFER_NOTICE_EVENT_STATUSES)[number];

/**
 * A transfer notice (step 8) as the webhook took it in. The event id is the key: a redelivery
 * finds the first outcome. `refused` ones (unknown order, wrong amount) wait for an operator.
 */
@Entity({ name: 'transfer_notice_events' })
export class TransferNoticeEvent {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ type: 'text' })
  status: TransferNoticeEventStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The field of the notice the refusal is about. */
  @Column({ name: 'refused_field', type: 'text', nullable: true })
  refusedField: string | null;

  @Column({ type: 'jsonb' })
  body: TransferNotice;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
