import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The payment-gateway service's rate limits, counted here so that every replica shares them (rate-limiter-flexible's Postgres store). */
export class PaymentGatewayRateLimits1764600000000 implements MigrationInterface {
  name = 'PaymentGatewayRateLimits1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment_gateway.rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_gateway.rate_limits`);
  }
}
