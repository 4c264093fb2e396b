import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations that may call the platform, and their API keys (only a hash of each secret). */
export class Identity1764300000000 implements MigrationInterface {
  name = 'Identity1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.organisations (
      id text PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('buyer', 'supplier', 'carrier', 'payment-gateway', 'auditor', 'operator')),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE distributor.api_keys (
      id text PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES distributor.organisations (id),
      secret_sha256 text NOT NULL,
      label text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    )`);
    await q.query(`CREATE INDEX api_keys_organisation ON distributor.api_keys (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.api_keys`);
    await q.query(`DROP TABLE distributor.organisations`);
  }
}
