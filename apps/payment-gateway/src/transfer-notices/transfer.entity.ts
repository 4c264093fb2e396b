import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** Money moved on to the distributor: the transfer notice (step 8). */
@Entity({ name: 'transfers' })
export class Transfer {
  @PrimaryColumn({ name: 'transfer_id', type: 'uuid' })
  transferId: string;

  @Column({ name: 'order_id', type: 'uuid', unique: true })
  orderId: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintToNumber })
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'transferred_at', type: 'timestamptz' })
  transferredAt: Date;

  /** The id of the signed transfer notice; every redelivery carries the same one. */
  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId: string;

  /** `refused`: the distributor answered 4xx (unknown order, wrong amount) and flagged it; not redelivered. */
  @Column({ name: 'delivery_status', type: 'text' })
  deliveryStatus: TransferDeliveryStatus;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}

export type TransferDeliveryStatus = 'pending' | 'delivered' | 'refused';
