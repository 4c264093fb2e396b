import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An API key as the platform keeps it: only the hash of its secret, never the secret itself. */
@Entity({ name: 'api_keys' })
export class ApiKeyRecord {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId: string;

  @Column({ name: 'secret_sha256', type: 'text' })
  secretSha256: string;

  @Column({ type: 'text' })
  label: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
