import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EdiStandard = 'x12' | 'edifact' | 'cxml';

/** How one organisation exchanges documents: who it is in each envelope, what it speaks and wants. */
@Entity({ name: 'trading_partners' })
export class TradingPartnerRecord {
  @PrimaryColumn({ name: 'organisation_id', type: 'text' })
  organisationId: string;

  @Column({ type: 'text' })
  standard: EdiStandard;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'jsonb' })
  identities: Record<string, string>;

  @Column({ type: 'jsonb', nullable: true })
  separators: Record<string, string> | null;

  @Column({ type: 'text', array: true })
  documents: string[];

  @Column({ name: 'push_url', type: 'text', nullable: true })
  pushUrl: string | null;

  /** The cXML SharedSecret, sealed (shared-secret.ts): compared with what a document carries, written into ours, never shown. */
  @Column({ name: 'cxml_shared_secret', type: 'text', nullable: true })
  cxmlSharedSecret: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
