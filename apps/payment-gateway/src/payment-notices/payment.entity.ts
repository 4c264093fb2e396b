import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** A payment the gateway took in on a payment notice (step 7); one per order. */
@Entity({ name: 'payments' })
export class Payment {
  @PrimaryColumn({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Column({ name: 'order_id', type: 'uuid', unique: true })
  orderId: string;

  @Column({ name: 'buyer_id', type: 'text' })
  buyerId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintToNumber })
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'payment_reference', type: 'text' })
  paymentReference: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
