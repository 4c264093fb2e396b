import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An organisation's own OpenID Connect provider. The client secret is kept as given, since the
 * platform must present it to the provider at every code exchange.
 */
@Entity({ name: 'identity_providers' })
export class IdentityProviderRecord {
  @PrimaryColumn({ name: 'organisation_id', type: 'text' })
  organisationId: string;

  @Column({ type: 'text' })
  issuer: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ name: 'client_secret', type: 'text' })
  clientSecret: string;

  @Column({ name: 'create_people', type: 'boolean', default: false })
  createPeople: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
