import { DataSource } from 'typeorm';

/** Demo carriers and their rate cards; inserted once. */
export async function seedCarrierDemoData(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO carrier.carriers (id, name, answer_mode) VALUES
      ('rhein-freight', 'Rhein Freight KG', 'manual'),
      ('baltic-lines', 'Baltic Lines AS', 'manual')
     ON CONFLICT (id) DO NOTHING`,
  );
  const { count } = (await dataSource.query(`SELECT count(*)::int AS count FROM carrier.rate_cards`))[0];
  if (count > 0) return;
  await dataSource.query(
    `INSERT INTO carrier.rate_cards
       (carrier_id, origin_country, destination_country, mode, base_minor, per_kg_minor, currency, transit_days, quote_valid_hours) VALUES
      ('rhein-freight', 'DE', '*', 'road', 4500, 60, 'EUR', 3, 48),
      ('rhein-freight', 'DE', 'DE', 'road', 2900, 40, 'EUR', 2, 48),
      ('baltic-lines', 'SE', '*', 'sea', 6000, 40, 'EUR', 5, 72),
      ('baltic-lines', 'DE', '*', 'rail', 5200, 45, 'EUR', 4, 72)`,
  );
}
