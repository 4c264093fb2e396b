import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * B2B documents: each organisation's trading-partner profile, every document received or sent
 * (as it was, before anything acts on it), the control numbers given out per partner, and how far
 * the outbox has read each order's log.
 */
export class EdiMailbox1764700000400 implements MigrationInterface {
  name = 'EdiMailbox1764700000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE distributor.trading_partners (
      organisation_id text PRIMARY KEY REFERENCES distributor.organisations(id),
      standard text NOT NULL CHECK (standard IN ('x12', 'edifact', 'cxml')),
      version text NOT NULL,
      identities jsonb NOT NULL,
      separators jsonb,
      documents text[] NOT NULL,
      push_url text,
      cxml_shared_secret text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE distributor.edi_documents (
      id uuid PRIMARY KEY,
      position bigserial UNIQUE,
      partner_id text NOT NULL,
      direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      standard text NOT NULL,
      version text,
      document_type text NOT NULL,
      interchange_control text,
      group_control text,
      transaction_control text,
      status text NOT NULL,
      reason text,
      raw text NOT NULL,
      content_sha256 text NOT NULL,
      order_id uuid,
      order_ids uuid[] NOT NULL DEFAULT '{}',
      in_reply_to uuid REFERENCES distributor.edi_documents(id),
      source_seq int,
      answer_status int,
      answer_type text,
      answer_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz
    )`);
    // One accepted interchange per control number and partner: a resend is answered from it.
    await q.query(`CREATE UNIQUE INDEX edi_documents_accepted_interchange ON distributor.edi_documents (partner_id, interchange_control)
      WHERE direction = 'inbound' AND status = 'accepted'`);
    // The outbox makes each document of an order's log entry once, however often it sweeps.
    await q.query(`CREATE UNIQUE INDEX edi_documents_outbound_source ON distributor.edi_documents (partner_id, order_id, source_seq, document_type)
      WHERE direction = 'outbound' AND source_seq IS NOT NULL`);
    await q.query(`CREATE INDEX edi_documents_partner_position ON distributor.edi_documents (partner_id, direction, position)`);
    await q.query(`CREATE INDEX edi_documents_order ON distributor.edi_documents USING gin (order_ids)`);
    await q.query(`CREATE TABLE distributor.edi_control_numbers (
      partner_id text PRIMARY KEY,
      last_used bigint NOT NULL
    )`);
    // Orders that came in as documents: what the buyer called them, for the documents sent back.
    await q.query(`CREATE TABLE distributor.edi_orders (
      order_id uuid PRIMARY KEY,
      partner_id text NOT NULL,
      inbound_document_id uuid NOT NULL REFERENCES distributor.edi_documents(id),
      purchase_order_number text NOT NULL,
      buyer_line_ids text[] NOT NULL
    )`);
    await q.query(`CREATE TABLE distributor.edi_order_cursors (
      order_id uuid PRIMARY KEY,
      last_seq int NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor.edi_order_cursors`);
    await q.query(`DROP TABLE distributor.edi_orders`);
    await q.query(`DROP TABLE distributor.edi_control_numbers`);
    await q.query(`DROP TABLE distributor.edi_documents`);
    await q.query(`DROP TABLE distributor.trading_partners`);
  }
}
