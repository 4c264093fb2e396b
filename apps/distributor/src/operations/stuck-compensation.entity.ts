import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CompensationKind, PartyRole } from '@tradelane/contracts';

/** An undo step that could not succeed on its own; operators list these and resolve them. */
@Entity({ name: 'stuck_compensations' })
export class StuckCompensationRecord {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'compensation_id', type: 'text' })
  compensationId: string;

  @Column({ type: 'text' })
  kind: CompensationKind;

  @Column({ name: 'party_role', type: 'text' })
  partyRole: PartyRole;

  @Column({ name: 'party_id', type: 'text' })
  partyId: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'text' })
  error: string;

  @Column({ name: 'stuck_at', type: 'timestamptz' })
  stuckAt: Date;

  @Column({ type: 'text' })
  status: 'open' | 'retried' | 'resolved-manually';

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
