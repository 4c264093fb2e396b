import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every signed transfer notice the webhook took in, by event id: applied once, or refused and flagged. */
export class TransferNoticeEvents1764100000200 implements MigrationInterface {
  name = 'TransferNoticeEvents1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.transfer_notice_events (
      event_id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('accepted', 'refused')),
      reason text,
      refused_field text,
      body jsonb NOT NULL,
      received_at timestamptz NOT NULL,
      CHECK ((status = 'refused') = (reason IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX transfer_notice_events_status ON distributor.transfer_notice_events (status, received_at)`);
    await q.query(`CREATE INDEX transfer_notice_events_order ON distributor.transfer_notice_events (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.transfer_notice_events`);
  }
}
