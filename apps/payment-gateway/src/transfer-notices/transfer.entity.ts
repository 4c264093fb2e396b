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
}
