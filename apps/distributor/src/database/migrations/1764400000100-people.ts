import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People who sign in for an organisation, their sessions, and organisations' own OpenID Connect providers. */
export class People1764400000100 implements MigrationInterface {
  name = 'People1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.people (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id text NOT NULL REFERENCES distributor.organisations (id),
      email text NOT NULL CHECK (email = lower(email)),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'member')),
      password_hash text,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX people_email ON distributor.people (email)`);
    await q.query(`CREATE INDEX people_organisation ON distributor.people (organisation_id)`);
    await q.query(`CREATE TABLE distributor.sign_in_sessions (
      id text PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES distributor.people (id) ON DELETE CASCADE,
      secret_sha256 text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`);
    await q.query(`CREATE INDEX sign_in_sessions_person ON distributor.sign_in_sessions (person_id)`);
    await q.query(`CREATE TABLE distributor.identity_providers (
      organisation_id text PRIMARY KEY REFERENCES distributor.organisations (id),
      issuer text NOT NULL,
      client_id text NOT NULL,
      client_secret text NOT NULL,
      create_people boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE distributor.oidc_flows (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id text NOT NULL REFERENCES distributor.organisations (id),
      redirect_uri text NOT NULL,
      state text NOT NULL,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.oidc_flows`);
    await q.query(`DROP TABLE distributor.identity_providers`);
    await q.query(`DROP TABLE distributor.sign_in_sessions`);
    await q.query(`DROP TABLE distributor.people`);
  }
}
