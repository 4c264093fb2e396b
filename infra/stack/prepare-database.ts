import { DataSource } from 'typeorm';
import { migrateParty } from '@tradelane/platform';
import { partyServices } from './parties';

/** Applies every party's migrations and, if asked, the demo data. Safe to run on every start. */
export async function prepareDatabase(url: string, { seed }: { seed: boolean }): Promise<void> {
  for (const party of partyServices()) {
    await migrateParty(url, party.database);
  }
  if (!seed) return;
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  try {
    for (const party of partyServices()) await party.seed?.(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  prepareDatabase(url, { seed: process.argv.includes('--seed') }).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
