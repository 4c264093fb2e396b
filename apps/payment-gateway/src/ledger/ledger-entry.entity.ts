import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/** One side of a double-entry journal; each journal's debits equal its credits. */
@Entity({ name: 'ledger_entries' })
export class LedgerEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'journal_id', type: 'uuid' })
  journalId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ type: 'text' })
  account: string;

  @Column({ name: 'debit_minor', type: 'bigint', transformer: bigintToNumber })
  debitMinor: number;

  @Column({ name: 'credit_minor', type: 'bigint', transformer: bigintToNumber })
  creditMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
