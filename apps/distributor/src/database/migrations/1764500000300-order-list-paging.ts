import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What GET /orders pages and searches by: keyset paging on (taken in, order id) overall and per
 * buyer, and on (wanted by, order id); the whole-SKU search looks into the stored lines through a
 * GIN index of containment (`"order"->'lines' @> '[{"sku": …}]'`).
 */
export class OrderListPaging1764500000300 implements MigrationInterface {
  name = 'OrderListPaging1764500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX purchase_orders_submitted ON distributor.purchase_orders (submitted_at, order_id)`);
    await q.query(`CREATE INDEX purchase_orders_buyer_submitted ON distributor.purchase_orders (buyer_id, submitted_at, order_id)`);
    await q.query(`CREATE INDEX purchase_orders_wanted_by ON distributor.purchase_orders ((COALESCE("order"->>'wantedBy', '')), order_id)`);
    await q.query(`CREATE INDEX purchase_orders_line_skus ON distributor.purchase_orders USING gin (("order"->'lines') jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX distributor.purchase_orders_line_skus`);
    await q.query(`DROP INDEX distributor.purchase_orders_wanted_by`);
    await q.query(`DROP INDEX distributor.purchase_orders_buyer_submitted`);
    await q.query(`DROP INDEX distributor.purchase_orders_submitted`);
  }
}
