import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CarrierInitial1764000000000 implements MigrationInterface {
  name = 'CarrierInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE carrier.carriers (
      id text PRIMARY KEY,
      name text NOT NULL,
      answer_mode text NOT NULL CHECK (answer_mode IN ('automatic', 'manual'))
    )`);
    await q.query(`CREATE TABLE carrier.rate_cards (
      id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      carrier_id text NOT NULL REFERENCES carrier.carriers(id),
      origin_country text NOT NULL,
      destination_country text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('road', 'rail', 'sea', 'air')),
      base_minor bigint NOT NULL CHECK (base_minor >= 0),
      per_kg_minor bigint NOT NULL CHECK (per_kg_minor >= 0),
      currency char(3) NOT NULL,
      transit_days int NOT NULL CHECK (transit_days >= 0),
      validity_days int NOT NULL CHECK (validity_days > 0)
    )`);
    await q.query(`CREATE TABLE carrier.shipping_inquiries (
      inquiry_id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      carrier_id text NOT NULL,
      inquiry jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'quoted')),
      quote jsonb,
      received_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX shipping_inquiries_carrier_status ON carrier.shipping_inquiries (carrier_id, status)`);
    await q.query(`CREATE TABLE carrier.transport_notices (
      notice_id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      carrier_id text NOT NULL,
      notice jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'accepted')),
      accepted_by text,
      accepted_at timestamptz,
      received_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX transport_notices_carrier_status ON carrier.transport_notices (carrier_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE carrier.transport_notices`);
    await q.query(`DROP TABLE carrier.shipping_inquiries`);
    await q.query(`DROP TABLE carrier.rate_cards`);
    await q.query(`DROP TABLE carrier.carriers`);
  }
}
