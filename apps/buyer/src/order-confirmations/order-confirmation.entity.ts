import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrderConfirmation } from '@tradelane/contracts';
import { bigintToNumber } from '@tradelane/platform';

/** The order confirmation (step 6) as the buyer received it: what it will get and what it owes. */
@Entity({ name: 'order_confirmations' })
export class OrderConfirmationRecord {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'buyer_id', type: 'text' })
  buyerId: string;

  @Column({ type: 'jsonb' })
  confirmation: OrderConfirmation;

  @Column({ name: 'amount_due_minor', type: 'bigint', transformer: bigintToNumber })
  amountDueMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
