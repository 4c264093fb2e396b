import type { MigrationInterface, QueryRunner } from 'typeorm';
import { entryHash } from '../../order-messages/order-log-hash';

interface LoggedRow {
  order_id: string;
  seq: number;
  step: number | null;
  name: string;
  sender_role: string;
  sender_id: string;
  receiver_role: string;
  receiver_id: string;
  sent_at: Date;
  payload: unknown;
}

const BATCH = 500;

/**
 * Each entry of an order's log holds the hash of the entry before it, so an altered entry shows.
 * Entries written before this migration are chained here, in the same JS hash the service uses.
 */
export class OrderLogHashChain1764200000000 implements MigrationInterface {
  name = 'OrderLogHashChain1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE distributor.order_messages ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    let after: { orderId: string; seq: number } | undefined;
    let prev: { orderId: string; hash: string } | undefined;
    for (;;) {
      const rows: LoggedRow[] = await q.query(
        `SELECT order_id, seq, step, name, sender_role, sender_id, receiver_role, receiver_id, sent_at, payload
           FROM distributor.order_messages
          ${after ? 'WHERE (order_id, seq) > ($1, $2)' : ''}
          ORDER BY order_id, seq LIMIT ${BATCH}`,
        after ? [after.orderId, after.seq] : [],
      );
      if (rows.length === 0) break;
      const updates: [string, number, string | null, string][] = [];
      for (const r of rows) {
        const prevHash = prev?.orderId === r.order_id ? prev.hash : null;
        const hash = entryHash(prevHash, {
          orderId: r.order_id,
          seq: r.seq,
          step: r.step,
          name: r.name,
          sender: { role: r.sender_role, id: r.sender_id },
          receiver: { role: r.receiver_role, id: r.receiver_id },
          sentAt: r.sent_at.toISOString(),
          payload: r.payload,
        });
        updates.push([r.order_id, r.seq, prevHash, hash]);
        prev = { orderId: r.order_id, hash };
      }
      await q.query(
        `UPDATE distributor.order_messages m SET prev_hash = u.prev_hash, hash = u.hash
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS u(order_id, seq, prev_hash, hash)
          WHERE m.order_id = u.order_id AND m.seq = u.seq`,
        [updates.map((u) => u[0]), updates.map((u) => u[1]), updates.map((u) => u[2]), updates.map((u) => u[3])],
      );
      const last = rows[rows.length - 1];
      after = { orderId: last.order_id, seq: last.seq };
    }
    await q.query(`ALTER TABLE distributor.order_messages ALTER COLUMN hash SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE distributor.order_messages DROP COLUMN hash, DROP COLUMN prev_hash`);
  }
}
