import { DataSource } from 'typeorm';

/**
 * Demo suppliers and their stock; inserted once, never overwriting what a user changed. Bolts and
 * nuts are stocked by both, so sourcing has a choice (Acme is cheaper, Nordic has more).
 */
export async function seedSupplierDemoData(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO supplier.suppliers (id, name, answer_mode, location_code, location_country, lead_days) VALUES
      ('acme-steel', 'Acme Steel GmbH', 'manual', 'DE-HAM', 'DE', 2),
      ('nordic-parts', 'Nordic Parts AB', 'manual', 'SE-GOT', 'SE', 3)
     ON CONFLICT (id) DO NOTHING`,
  );
  await dataSource.query(
    `INSERT INTO supplier.stock_items (supplier_id, sku, on_hand, unit_price_minor, currency) VALUES
      ('acme-steel', 'BOLT-M8', 10000, 35, 'EUR'),
      ('acme-steel', 'NUT-M8', 20000, 12, 'EUR'),
      ('acme-steel', 'BEAM-200', 500, 8900, 'EUR'),
      ('nordic-parts', 'BOLT-M8', 20000, 38, 'EUR'),
      ('nordic-parts', 'NUT-M8', 50000, 13, 'EUR'),
      ('nordic-parts', 'GEAR-40', 800, 2450, 'EUR'),
      ('nordic-parts', 'BEARING-6204', 5000, 390, 'EUR')
     ON CONFLICT (supplier_id, sku) DO NOTHING`,
  );
}
