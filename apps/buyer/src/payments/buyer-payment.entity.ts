import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** A payment notice (step 7) the buyer sent to the gateway. */
@Entity({ name: 'payments' })
export class BuyerPayment {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'buyer_id', type: 'text' })
  buyerId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintToNumber })
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'payment_reference', type: 'text' })
  paymentReference: string;

  @Column({ name: 'paid_by', type: 'text' })
  paidBy: string;

  @Column({ name: 'paid_at', type: 'timestamptz' })
  paidAt: Date;
}
