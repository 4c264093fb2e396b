import { registerAs } from '@nestjs/config';
import { Matches } from 'class-validator';
import { readEnvironment } from './read-environment';

export class DatabaseEnvironment {
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL: string;
}

export const databaseConfig = registerAs('database', () => {
  const env = readEnvironment(DatabaseEnvironment);
  return { url: env.DATABASE_URL };
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
