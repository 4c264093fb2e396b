import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real orders: several suppliers may offer a SKU, every party has answer terms, the order log
 * also keeps events without a step, and compensations that failed wait for an operator.
 */
export class SourcingTermsEvents1764100000000 implements MigrationInterface {
  name = 'SourcingTermsEvents1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.catalogue_offers (
      sku text NOT NULL REFERENCES distributor.catalogue_items (sku),
      supplier_id text NOT NULL,
      unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
      currency char(3) NOT NULL,
      lead_days int NOT NULL CHECK (lead_days >= 0),
      published_available int NOT NULL CHECK (published_available >= 0),
      PRIMARY KEY (sku, supplier_id)
    )`);
    // Until now each SKU had one supplier; those become offers with nothing known about them.
    await q.query(`INSERT INTO distributor.catalogue_offers
      SELECT sku, supplier_id, 0, 'EUR', 0, 0 FROM distributor.catalogue_items`);
    await q.query(`ALTER TABLE distributor.catalogue_items DROP COLUMN supplier_id`);
    await q.query(`ALTER TABLE distributor.carrier_partners ADD COLUMN destination_countries text[] NOT NULL DEFAULT '{*}'`);

    await q.query(`CREATE TABLE distributor.party_terms (
      role text NOT NULL CHECK (role IN ('buyer', 'supplier', 'carrier')),
      party_id text NOT NULL,
      answer_within_seconds int NOT NULL CHECK (answer_within_seconds > 0),
      remind_before_seconds int NOT NULL CHECK (remind_before_seconds >= 0),
      on_deadline text NOT NULL CHECK (on_deadline IN ('next-candidate', 'ask-buyer', 'cancel')),
      PRIMARY KEY (role, party_id)
    )`);
    // '*' is the default of a role; without these rows no order could wait for anyone.
    await q.query(`INSERT INTO distributor.party_terms VALUES
      ('supplier', '*', 86400, 14400, 'next-candidate'),
      ('carrier', '*', 43200, 7200, 'next-candidate'),
      ('buyer', '*', 259200, 86400, 'cancel')`);

    await q.query(`ALTER TABLE distributor.order_messages DROP CONSTRAINT order_messages_step_check`);
    await q.query(`ALTER TABLE distributor.order_messages ALTER COLUMN step DROP NOT NULL`);
    await q.query(`ALTER TABLE distributor.order_messages ADD CONSTRAINT order_messages_step_check
      CHECK (step IS NULL OR step BETWEEN 1 AND 8)`);

    await q.query(`CREATE TABLE distributor.stuck_compensations (
      order_id uuid NOT NULL,
      compensation_id text NOT NULL,
      kind text NOT NULL,
      party_role text NOT NULL,
      party_id text NOT NULL,
      subject_id text NOT NULL,
      error text NOT NULL,
      stuck_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retried', 'resolved-manually')),
      resolved_at timestamptz,
      PRIMARY KEY (order_id, compensation_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.stuck_compensations`);
    await q.query(`DELETE FROM distributor.order_messages WHERE step IS NULL`);
    await q.query(`ALTER TABLE distributor.order_messages DROP CONSTRAINT order_messages_step_check`);
    await q.query(`ALTER TABLE distributor.order_messages ALTER COLUMN step SET NOT NULL`);
    await q.query(`ALTER TABLE distributor.order_messages ADD CONSTRAINT order_messages_step_check CHECK (step BETWEEN 1 AND 8)`);
    await q.query(`DROP TABLE distributor.party_terms`);
    await q.query(`ALTER TABLE distributor.carrier_partners DROP COLUMN destination_countries`);
    await q.query(`ALTER TABLE distributor.catalogue_items ADD COLUMN supplier_id text`);
    await q.query(`UPDATE distributor.catalogue_items i SET supplier_id =
      (SELECT supplier_id FROM distributor.catalogue_offers o WHERE o.sku = i.sku ORDER BY unit_price_minor LIMIT 1)`);
    await q.query(`DROP TABLE distributor.catalogue_offers`);
  }
}
