import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationRole } from '@tradelane/platform';

/** A party that may call the platform's APIs; its id is the one orders and messages name it by. */
@Entity({ name: 'organisations' })
export class OrganisationRecord {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  role: OrganisationRole;

  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
