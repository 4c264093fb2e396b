import { DataSource } from 'typeorm';

/**
 * The demo catalogue: what each supplier offers (mirrors the suppliers' own demo stock and
 * prices), and the carrier partners; inserted once.
 */
export async function seedDistributorDemoData(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams) VALUES
      ('BOLT-M8', 'Hex bolt M8x40, zinc plated', 20),
      ('NUT-M8', 'Hex nut M8', 8),
      ('BEAM-200', 'Steel I-beam 200 mm, 2 m', 25000),
      ('GEAR-40', 'Spur gear, 40 teeth', 1200),
      ('BEARING-6204', 'Deep groove ball bearing 6204', 110)
     ON CONFLICT (sku) DO NOTHING`,
  );
  await dataSource.query(
    `INSERT INTO distributor.catalogue_offers (sku, supplier_id, unit_price_minor, currency, lead_days, published_available) VALUES
      ('BOLT-M8', 'acme-steel', 35, 'EUR', 2, 10000),
      ('NUT-M8', 'acme-steel', 12, 'EUR', 2, 20000),
      ('BEAM-200', 'acme-steel', 8900, 'EUR', 2, 500),
      ('BOLT-M8', 'nordic-parts', 38, 'EUR', 3, 20000),
      ('NUT-M8', 'nordic-parts', 13, 'EUR', 3, 50000),
      ('GEAR-40', 'nordic-parts', 2450, 'EUR', 3, 800),
      ('BEARING-6204', 'nordic-parts', 390, 'EUR', 3, 5000)
     ON CONFLICT (sku, supplier_id) DO NOTHING`,
  );
  await dataSource.query(
    `INSERT INTO distributor.carrier_partners (carrier_id, name, rank, origin_countries, destination_countries) VALUES
      ('rhein-freight', 'Rhein Freight KG', 1, '{DE}', '{*}'),
      ('baltic-lines', 'Baltic Lines AS', 2, '{SE,DE}', '{*}')
     ON CONFLICT (carrier_id) DO NOTHING`,
  );
}
