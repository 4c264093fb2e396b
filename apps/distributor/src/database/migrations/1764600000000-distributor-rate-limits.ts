import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The distributor service's rate limits, counted here so that every replica shares them (rate-limiter-flexible's Postgres store). */
export class DistributorRateLimits1764600000000 implements MigrationInterface {
  name = 'DistributorRateLimits1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.rate_limits`);
  }
}
