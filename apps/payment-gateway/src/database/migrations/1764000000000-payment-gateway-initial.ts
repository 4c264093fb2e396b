import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentGatewayInitial1764000000000 implements MigrationInterface {
  name = 'PaymentGatewayInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment_gateway.payments (
      payment_id uuid PRIMARY KEY,
      order_id uuid NOT NULL UNIQUE,
      buyer_id text NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
      currency char(3) NOT NULL,
      payment_reference text NOT NULL,
      received_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE payment_gateway.transfers (
      transfer_id uuid PRIMARY KEY,
      order_id uuid NOT NULL UNIQUE,
      payment_id uuid NOT NULL REFERENCES payment_gateway.payments(payment_id),
      amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
      currency char(3) NOT NULL,
      transferred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE payment_gateway.ledger_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      journal_id uuid NOT NULL,
      order_id uuid NOT NULL,
      account text NOT NULL,
      debit_minor bigint NOT NULL DEFAULT 0 CHECK (debit_minor >= 0),
      credit_minor bigint NOT NULL DEFAULT 0 CHECK (credit_minor >= 0),
      currency char(3) NOT NULL,
      created_at timestamptz NOT NULL,
      CHECK ((debit_minor = 0) <> (credit_minor = 0))
    )`);
    await q.query(`CREATE INDEX ledger_entries_journal ON payment_gateway.ledger_entries (journal_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_gateway.ledger_entries`);
    await q.query(`DROP TABLE payment_gateway.transfers`);
    await q.query(`DROP TABLE payment_gateway.payments`);
  }
}
