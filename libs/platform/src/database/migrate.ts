import { DataSource } from 'typeorm';
import { partyDataSourceOptions, type PartyDatabase } from './data-source-options';

/** Applies a party's pending migrations; creates its schema first so the migrations table has a home. */
export async function migrateParty(url: string, db: PartyDatabase): Promise<string[]> {
  const bootstrap = new DataSource({ type: 'postgres', url });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
  } finally {
    await bootstrap.destroy();
  }
  const dataSource = new DataSource(partyDataSourceOptions(url, db));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
