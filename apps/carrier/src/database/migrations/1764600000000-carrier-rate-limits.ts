import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The carrier service's rate limits, counted here so that every replica shares them (rate-limiter-flexible's Postgres store). */
export class CarrierRateLimits1764600000000 implements MigrationInterface {
  name = 'CarrierRateLimits1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE carrier.rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE carrier.rate_limits`);
  }
}
