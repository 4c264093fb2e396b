import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints over the heads of order logs, each chained to the one before, and the head
 * each order had in the latest checkpoint that holds it (so the next checkpoint takes only what
 * changed). The sequence is the primary key: two replicas cannot write the same checkpoint.
 */
export class OrderLogCheckpoints1764800000000 implements MigrationInterface {
  name = 'OrderLogCheckpoints1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.order_log_checkpoints (
      sequence integer PRIMARY KEY CHECK (sequence > 0),
      created_at timestamptz NOT NULL,
      previous_digest text,
      key_id text NOT NULL,
      heads jsonb NOT NULL,
      digest text NOT NULL,
      signature text NOT NULL
    )`);
    await q.query(`CREATE TABLE distributor.order_log_checkpointed_heads (
      order_id uuid PRIMARY KEY,
      seq integer NOT NULL,
      hash text NOT NULL,
      checkpoint integer NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.order_log_checkpointed_heads`);
    await q.query(`DROP TABLE distributor.order_log_checkpoints`);
  }
}
