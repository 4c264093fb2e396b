import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** Everything an order paid, given back (compensation); at most one per order. */
@Entity({ name: 'refunds' })
export class Refund {
  @PrimaryColumn({ name: 'refund_id', type: 'uuid' })
  refundId: string;

  @Column({ name: 'order_id', type: 'uuid', unique: true })
  orderId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintToNumber })
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'refunded_at', type: 'timestamptz' })
  refundedAt: Date;
}
