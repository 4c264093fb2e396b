import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person's sign-in: only the hash of the session token's secret is kept. */
@Entity({ name: 'sign_in_sessions' })
export class SignInSessionRecord {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'secret_sha256', type: 'text' })
  secretSha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
