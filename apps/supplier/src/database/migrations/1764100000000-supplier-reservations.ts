import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 3: stock held per answered inquiry line, withdrawn inquiries, reminders, recalled dispatches. */
export class SupplierReservations1764100000000 implements MigrationInterface {
  name = 'SupplierReservations1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE supplier.suppliers
      ADD COLUMN reservation_hold_minutes int NOT NULL DEFAULT 2880
        CONSTRAINT suppliers_reservation_hold_minutes_check CHECK (reservation_hold_minutes BETWEEN 0 AND 129600)`);

    await q.query(`ALTER TABLE supplier.stock_inquiries DROP CONSTRAINT stock_inquiries_status_check`);
    await q.query(`ALTER TABLE supplier.stock_inquiries
      ADD CONSTRAINT stock_inquiries_status_check CHECK (status IN ('open', 'answered', 'withdrawn')),
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdraw_reason text,
      ADD COLUMN reminded_at timestamptz,
      ADD COLUMN answer_deadline timestamptz`);

    await q.query(`CREATE TABLE supplier.stock_reservations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      inquiry_id uuid NOT NULL,
      line_no int NOT NULL,
      order_id uuid NOT NULL,
      supplier_id text NOT NULL,
      sku text NOT NULL,
      quantity bigint NOT NULL CHECK (quantity > 0),
      status text NOT NULL CHECK (status IN ('held', 'released', 'dispatched', 'expired', 'returned')),
      held_until timestamptz NOT NULL,
      notice_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (supplier_id, sku) REFERENCES supplier.stock_items (supplier_id, sku),
      CONSTRAINT stock_reservations_inquiry_line UNIQUE (inquiry_id, line_no)
    )`);
    // Availability sums the held reservations of one SKU; only those rows are worth indexing.
    await q.query(`CREATE INDEX stock_reservations_held ON supplier.stock_reservations (supplier_id, sku, held_until)
      WHERE status = 'held'`);
    await q.query(`CREATE INDEX stock_reservations_order ON supplier.stock_reservations (order_id)`);
    await q.query(`CREATE INDEX stock_reservations_notice ON supplier.stock_reservations (notice_id) WHERE notice_id IS NOT NULL`);

    await q.query(`ALTER TABLE supplier.dispatch_notices
      ADD COLUMN inquiry_id uuid,
      ADD COLUMN status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'recalled')),
      ADD COLUMN recalled_at timestamptz,
      ADD COLUMN recall_reason text`);
    await q.query(`CREATE INDEX stock_movements_notice ON supplier.stock_movements (notice_id) WHERE notice_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX supplier.stock_movements_notice`);
    await q.query(`ALTER TABLE supplier.dispatch_notices
      DROP COLUMN recall_reason, DROP COLUMN recalled_at, DROP COLUMN status, DROP COLUMN inquiry_id`);
    await q.query(`DROP TABLE supplier.stock_reservations`);
    // The old schema has no withdrawn state; a withdrawn inquiry is closed, so it must not reopen.
    await q.query(`UPDATE supplier.stock_inquiries SET status = 'answered' WHERE status = 'withdrawn'`);
    await q.query(`ALTER TABLE supplier.stock_inquiries
      DROP COLUMN answer_deadline, DROP COLUMN reminded_at, DROP COLUMN withdraw_reason, DROP COLUMN withdrawn_at,
      DROP CONSTRAINT stock_inquiries_status_check`);
    await q.query(`ALTER TABLE supplier.stock_inquiries
      ADD CONSTRAINT stock_inquiries_status_check CHECK (status IN ('open', 'answered'))`);
    await q.query(`ALTER TABLE supplier.suppliers DROP COLUMN reservation_hold_minutes`);
  }
}
