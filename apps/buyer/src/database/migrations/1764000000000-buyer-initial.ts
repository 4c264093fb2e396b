import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BuyerInitial1764000000000 implements MigrationInterface {
  name = 'BuyerInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE buyer.order_confirmations (
      order_id uuid PRIMARY KEY,
      buyer_id text NOT NULL,
      confirmation jsonb NOT NULL,
      amount_due_minor bigint NOT NULL CHECK (amount_due_minor >= 0),
      currency char(3) NOT NULL,
      received_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX order_confirmations_buyer ON buyer.order_confirmations (buyer_id)`);
    await q.query(`CREATE TABLE buyer.payments (
      order_id uuid PRIMARY KEY,
      buyer_id text NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
      currency char(3) NOT NULL,
      payment_reference text NOT NULL,
      paid_by text NOT NULL,
      paid_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE buyer.payments`);
    await q.query(`DROP TABLE buyer.order_confirmations`);
  }
}
