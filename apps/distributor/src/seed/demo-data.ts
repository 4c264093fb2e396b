import { DataSource } from 'typeorm';

/** The demo catalogue and carrier partners; inserted once. */
export async function seedDistributorDemoData(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams, supplier_id) VALUES
      ('BOLT-M8', 'Hex bolt M8x40, zinc plated', 20, 'acme-steel'),
      ('NUT-M8', 'Hex nut M8', 8, 'acme-steel'),
      ('BEAM-200', 'Steel I-beam 200 mm, 2 m', 25000, 'acme-steel'),
      ('GEAR-40', 'Spur gear, 40 teeth', 1200, 'nordic-parts'),
      ('BEARING-6204', 'Deep groove ball bearing 6204', 110, 'nordic-parts')
     ON CONFLICT (sku) DO NOTHING`,
  );
  await dataSource.query(
    `INSERT INTO distributor.carrier_partners (carrier_id, name, rank, origin_countries) VALUES
      ('rhein-freight', 'Rhein Freight KG', 1, '{DE}'),
      ('baltic-lines', 'Baltic Lines AS', 2, '{SE,DE}')
     ON CONFLICT (carrier_id) DO NOTHING`,
  );
}
