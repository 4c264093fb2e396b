import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** A payment notice (step 7) as the gateway answered it: taken, or declined; one per order. */
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

  /** A declined payment posts nothing to the ledger. */
  @Column({ type: 'text' })
  status: 'accepted' | 'declined';

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;
}
