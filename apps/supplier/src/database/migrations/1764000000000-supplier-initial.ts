import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupplierInitial1764000000000 implements MigrationInterface {
  name = 'SupplierInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supplier.suppliers (
      id text PRIMARY KEY,
      name text NOT NULL,
      answer_mode text NOT NULL CHECK (answer_mode IN ('automatic', 'manual')),
      location_code text NOT NULL,
      location_country char(2) NOT NULL,
      lead_days int NOT NULL CHECK (lead_days >= 0)
    )`);
    await q.query(`CREATE TABLE supplier.stock_items (
      supplier_id text NOT NULL REFERENCES supplier.suppliers(id),
      sku text NOT NULL,
      on_hand bigint NOT NULL,
      unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
      currency char(3) NOT NULL,
      PRIMARY KEY (supplier_id, sku)
    )`);
    await q.query(`CREATE TABLE supplier.stock_movements (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      supplier_id text NOT NULL,
      sku text NOT NULL,
      delta bigint NOT NULL,
      reason text NOT NULL,
      order_id uuid,
      notice_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX stock_movements_order ON supplier.stock_movements (order_id)`);
    await q.query(`CREATE TABLE supplier.stock_inquiries (
      inquiry_id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      supplier_id text NOT NULL,
      currency char(3) NOT NULL,
      lines jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'answered')),
      answer jsonb,
      received_at timestamptz NOT NULL,
      answered_at timestamptz
    )`);
    await q.query(`CREATE INDEX stock_inquiries_supplier_status ON supplier.stock_inquiries (supplier_id, status)`);
    await q.query(`CREATE TABLE supplier.dispatch_notices (
      notice_id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      supplier_id text NOT NULL,
      carrier_id text NOT NULL,
      pickup_date date NOT NULL,
      lines jsonb NOT NULL,
      received_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX dispatch_notices_supplier ON supplier.dispatch_notices (supplier_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supplier.dispatch_notices`);
    await q.query(`DROP TABLE supplier.stock_inquiries`);
    await q.query(`DROP TABLE supplier.stock_movements`);
    await q.query(`DROP TABLE supplier.stock_items`);
    await q.query(`DROP TABLE supplier.suppliers`);
  }
}
