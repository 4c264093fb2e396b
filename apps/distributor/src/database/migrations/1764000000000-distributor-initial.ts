import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DistributorInitial1764000000000 implements MigrationInterface {
  name = 'DistributorInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.catalogue_items (
      sku text PRIMARY KEY,
      name text NOT NULL,
      unit_weight_grams int NOT NULL CHECK (unit_weight_grams >= 0),
      supplier_id text NOT NULL
    )`);
    await q.query(`CREATE TABLE distributor.carrier_partners (
      carrier_id text PRIMARY KEY,
      name text NOT NULL,
      rank int NOT NULL,
      origin_countries text[] NOT NULL
    )`);
    await q.query(`CREATE TABLE distributor.purchase_orders (
      order_id uuid PRIMARY KEY,
      buyer_id text NOT NULL,
      idempotency_key text,
      body_hash text NOT NULL,
      status text NOT NULL,
      "order" jsonb NOT NULL,
      submitted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX purchase_orders_idempotency
      ON distributor.purchase_orders (buyer_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE TABLE distributor.order_messages (
      order_id uuid NOT NULL,
      seq int NOT NULL,
      step int NOT NULL CHECK (step BETWEEN 1 AND 8),
      name text NOT NULL,
      sender_role text NOT NULL,
      sender_id text NOT NULL,
      receiver_role text NOT NULL,
      receiver_id text NOT NULL,
      sent_at timestamptz NOT NULL,
      payload jsonb NOT NULL,
      PRIMARY KEY (order_id, seq)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.order_messages`);
    await q.query(`DROP TABLE distributor.purchase_orders`);
    await q.query(`DROP TABLE distributor.carrier_partners`);
    await q.query(`DROP TABLE distributor.catalogue_items`);
  }
}
