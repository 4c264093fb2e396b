import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotes are valid for hours, not days; inquiries can be withdrawn; bookings rejected or
 * cancelled; reminders are kept on what they nudge.
 */
export class CarrierQuoteValidityWithdrawCancelRemind1764100000200 implements MigrationInterface {
  name = 'CarrierQuoteValidityWithdrawCancelRemind1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE carrier.rate_cards ADD COLUMN quote_valid_hours int NOT NULL DEFAULT 24 CHECK (quote_valid_hours > 0)`);
    await q.query(`ALTER TABLE carrier.rate_cards DROP COLUMN validity_days`);

    await q.query(`ALTER TABLE carrier.shipping_inquiries DROP CONSTRAINT shipping_inquiries_status_check`);
    await q.query(`ALTER TABLE carrier.shipping_inquiries
      ADD CONSTRAINT shipping_inquiries_status_check CHECK (status IN ('open', 'quoted', 'withdrawn')),
      ADD COLUMN withdrawn_reason text,
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN reminded_at timestamptz,
      ADD COLUMN reminder_deadline timestamptz`);

    await q.query(`ALTER TABLE carrier.transport_notices DROP CONSTRAINT transport_notices_status_check`);
    await q.query(`ALTER TABLE carrier.transport_notices
      ADD CONSTRAINT transport_notices_status_check CHECK (status IN ('open', 'accepted', 'rejected', 'cancelled')),
      ADD COLUMN rejected_by text,
      ADD COLUMN rejection_reason text,
      ADD COLUMN rejected_at timestamptz,
      ADD COLUMN cancellation_reason text,
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN reminded_at timestamptz,
      ADD COLUMN reminder_deadline timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM carrier.transport_notices WHERE status IN ('rejected', 'cancelled')`);
    await q.query(`ALTER TABLE carrier.transport_notices DROP CONSTRAINT transport_notices_status_check`);
    await q.query(`ALTER TABLE carrier.transport_notices
      ADD CONSTRAINT transport_notices_status_check CHECK (status IN ('open', 'accepted')),
      DROP COLUMN rejected_by, DROP COLUMN rejection_reason, DROP COLUMN rejected_at,
      DROP COLUMN cancellation_reason, DROP COLUMN cancelled_at,
      DROP COLUMN reminded_at, DROP COLUMN reminder_deadline`);

    await q.query(`DELETE FROM carrier.shipping_inquiries WHERE status = 'withdrawn'`);
    await q.query(`ALTER TABLE carrier.shipping_inquiries DROP CONSTRAINT shipping_inquiries_status_check`);
    await q.query(`ALTER TABLE carrier.shipping_inquiries
      ADD CONSTRAINT shipping_inquiries_status_check CHECK (status IN ('open', 'quoted')),
      DROP COLUMN withdrawn_reason, DROP COLUMN withdrawn_at,
      DROP COLUMN reminded_at, DROP COLUMN reminder_deadline`);

    await q.query(`ALTER TABLE carrier.rate_cards ADD COLUMN validity_days int NOT NULL DEFAULT 7 CHECK (validity_days > 0)`);
    await q.query(`UPDATE carrier.rate_cards SET validity_days = greatest(1, ceil(quote_valid_hours / 24.0)::int)`);
    await q.query(`ALTER TABLE carrier.rate_cards DROP COLUMN quote_valid_hours`);
  }
}
