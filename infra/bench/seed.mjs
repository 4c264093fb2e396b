// Data the bench needs beyond the demo data: one SKU that one supplier ships from one origin (so
// A's order has the shape of B's: one inquiry, one quote, one booking), with stock for any run.
import { BENCH_SKU, BENCH_SUPPLIER } from './arms.mjs';

const PLENTY = 2_000_000_000;

export async function prepareData(db) {
  await db.query(
    `INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams) VALUES ($1, $1, 500) ON CONFLICT DO NOTHING`,
    [BENCH_SKU],
  );
  await db.query(
    `INSERT INTO distributor.catalogue_offers (sku, supplier_id, unit_price_minor, currency, lead_days, published_available)
     VALUES ($1, $2, 700, 'EUR', 2, $3) ON CONFLICT DO NOTHING`,
    [BENCH_SKU, BENCH_SUPPLIER, PLENTY],
  );
  await db.query(
    `INSERT INTO supplier.stock_items (supplier_id, sku, on_hand, unit_price_minor, currency) VALUES ($1, $2, $3, 700, 'EUR')
     ON CONFLICT DO NOTHING`,
    [BENCH_SUPPLIER, BENCH_SKU, PLENTY],
  );
}

/** SKUs `BENCH-L-00000`… for the line-scaling orders, each with stock for one unit per run. */
export async function prepareLineSkus(db, count) {
  const skus = Array.from({ length: count }, (_, i) => `BENCH-L-${String(i).padStart(5, '0')}`);
  await db.query(`INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams) SELECT s, s, 10 FROM unnest($1::text[]) s ON CONFLICT DO NOTHING`, [skus]);
  await db.query(
    `INSERT INTO distributor.catalogue_offers (sku, supplier_id, unit_price_minor, currency, lead_days, published_available)
     SELECT s, $2, 7, 'EUR', 2, $3 FROM unnest($1::text[]) s ON CONFLICT DO NOTHING`,
    [skus, BENCH_SUPPLIER, PLENTY],
  );
  await db.query(
    `INSERT INTO supplier.stock_items (supplier_id, sku, on_hand, unit_price_minor, currency)
     SELECT $2, s, $3, 7, 'EUR' FROM unnest($1::text[]) s ON CONFLICT DO NOTHING`,
    [skus, BENCH_SUPPLIER, PLENTY],
  );
  return skus;
}

/** Like a person's `PUT …/answer-mode` for every supplier and carrier, set in their tables. */
export async function setAnswerMode(db, mode) {
  await db.query(`UPDATE supplier.suppliers SET answer_mode = $1`, [mode]);
  await db.query(`UPDATE carrier.carriers SET answer_mode = $1`, [mode]);
}
