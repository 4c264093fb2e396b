import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbound documents pushed to a partner's URL: when next, how often tried, when delivered. */
export class EdiPush1764700000500 implements MigrationInterface {
  name = 'EdiPush1764700000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE distributor.edi_documents
      ADD COLUMN push_attempts int NOT NULL DEFAULT 0,
      ADD COLUMN next_push_at timestamptz,
      ADD COLUMN pushed_at timestamptz,
      ADD COLUMN push_error text`);
    await q.query(`CREATE INDEX edi_documents_due_push ON distributor.edi_documents (next_push_at) WHERE next_push_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX distributor.edi_documents_due_push`);
    await q.query(`ALTER TABLE distributor.edi_documents DROP COLUMN push_attempts, DROP COLUMN next_push_at, DROP COLUMN pushed_at, DROP COLUMN push_error`);
  }
}
