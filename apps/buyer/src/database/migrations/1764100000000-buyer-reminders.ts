import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BuyerReminders1764100000000 implements MigrationInterface {
  name = 'BuyerReminders1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE buyer.reminders (
      order_id uuid NOT NULL,
      waiting_for text NOT NULL,
      deadline timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (order_id, waiting_for, deadline)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE buyer.reminders`);
  }
}
