import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface PartyDatabase {
  /** Each party owns one Postgres schema and never reads another's. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** The one options object used by a service at runtime and by its migration runner. */
export function partyDataSourceOptions(url: string, db: PartyDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: `${db.schema}_migrations`,
    // Schema changes only ever come from migrations, run explicitly before services start.
    synchronize: false,
    migrationsRun: false,
    // A database host that stops answering must fail a request (503) instead of holding it.
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
