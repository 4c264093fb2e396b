import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeadlineEscalation } from '@tradelane/contracts';

/** How long a party has to answer an order, when it is reminded, and what happens after. `*` is a role's default. */
@Entity({ name: 'party_terms' })
export class PartyTermsRecord {
  @PrimaryColumn({ type: 'text' })
  role: 'buyer' | 'supplier' | 'carrier';

  @PrimaryColumn({ name: 'party_id', type: 'text' })
  partyId: string;

  @Column({ name: 'answer_within_seconds', type: 'int' })
  answerWithinSeconds: number;

  @Column({ name: 'remind_before_seconds', type: 'int' })
  remindBeforeSeconds: number;

  @Column({ name: 'on_deadline', type: 'text' })
  onDeadline: DeadlineEscalation;
}
