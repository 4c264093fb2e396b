import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payer accounts, so that a payment can be declined; declined attempts kept beside payments;
 * refunds; each transfer carries the event id of its signed notice and how its delivery went.
 */
export class PaymentGatewayPayersRefundsTransferDelivery1764100000200 implements MigrationInterface {
  name = 'PaymentGatewayPayersRefundsTransferDelivery1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment_gateway.payer_accounts (
      buyer_id text NOT NULL,
      currency char(3) NOT NULL,
      credit_limit_minor bigint NOT NULL CHECK (credit_limit_minor >= 0),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (buyer_id, currency)
    )`);
    await q.query(`ALTER TABLE payment_gateway.payments
      ADD COLUMN status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'declined')),
      ADD COLUMN decline_reason text,
      ADD CHECK ((status = 'declined') = (decline_reason IS NOT NULL))`);
    await q.query(`CREATE INDEX payments_buyer_currency ON payment_gateway.payments (buyer_id, currency) WHERE status = 'accepted'`);
    await q.query(`ALTER TABLE payment_gateway.transfers
      ADD COLUMN event_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
      ADD COLUMN delivery_status text NOT NULL DEFAULT 'delivered' CHECK (delivery_status IN ('pending', 'delivered', 'refused')),
      ADD COLUMN refusal_reason text,
      ADD COLUMN delivered_at timestamptz`);
    await q.query(`ALTER TABLE payment_gateway.transfers ALTER COLUMN event_id DROP DEFAULT, ALTER COLUMN delivery_status DROP DEFAULT`);
    await q.query(`CREATE TABLE payment_gateway.refunds (
      refund_id uuid PRIMARY KEY,
      order_id uuid NOT NULL UNIQUE REFERENCES payment_gateway.payments(order_id),
      amount_minor bigint NOT NULL CHECK (amount_minor > 0),
      currency char(3) NOT NULL,
      reason text NOT NULL,
      refunded_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_gateway.refunds`);
    await q.query(`ALTER TABLE payment_gateway.transfers
      DROP COLUMN event_id, DROP COLUMN delivery_status, DROP COLUMN refusal_reason, DROP COLUMN delivered_at`);
    await q.query(`DROP INDEX payment_gateway.payments_buyer_currency`);
    await q.query(`DELETE FROM payment_gateway.payments WHERE status = 'declined'`);
    await q.query(`ALTER TABLE payment_gateway.payments DROP COLUMN status, DROP COLUMN decline_reason`);
    await q.query(`DROP TABLE payment_gateway.payer_accounts`);
  }
}
