import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** How much a buyer may have paid and not had refunded, per currency; a payment beyond it is declined. */
@Entity({ name: 'payer_accounts' })
export class PayerAccount {
  @PrimaryColumn({ name: 'buyer_id', type: 'text' })
  buyerId: string;

  @PrimaryColumn({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'credit_limit_minor', type: 'bigint', transformer: bigintToNumber })
  creditLimitMinor: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
