import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The table every party's schema has for its limits (made by the party's rate-limits migration). */
export const RATE_LIMITS_TABLE = 'rate_limits';

const WINDOW_SECONDS = 60;

/**
 * A fixed one-minute window per key, counted in the service's PostgreSQL schema, so every
 * replica of a service counts against the same allowance.
 *
 * When the store cannot be reached the limiter counts in this process instead (one warning when
 * that starts, one when the store is back): a limiter that refused everything, or answered 500,
 * while the database is down would turn an outage of one dependency into an outage of every route,
 * including the ones that do not need it; routes that do need the database answer 503 on their
 * own. The in-process window still stops a runaway client, at the limit per replica.
 */
export class RateLimiter {
  private storeDown = false;
  private readonly inProcess: RateLimiterAbstract;

  constructor(
    readonly perMinute: number,
    private readonly store: RateLimiterAbstract,
    private readonly logger: Pick<Logger, 'warn' | 'log'> = new Logger('RateLimiter'),
  ) {
    this.inProcess = new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS, keyPrefix: store.keyPrefix });
  }

  /** Counted in the rate_limits table of the DataSource's schema, through its pool (the pg driver's). */
  static inDatabase(dataSource: DataSource, name: string, perMinute: number): RateLimiter {
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    return RateLimiter.inPostgres((dataSource.driver as PostgresDriver).master as Pool, schema, name, perMinute);
  }

  /** Counted in `schema`.rate_limits through this pool; `name` keeps this limiter's keys apart from the others'. */
  static inPostgres(pool: Pool, schema: string, name: string, perMinute: number, logger?: Pick<Logger, 'warn' | 'log'>): RateLimiter {
    const store = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      schemaName: schema,
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true,
      keyPrefix: name,
      points: perMinute,
      duration: WINDOW_SECONDS,
    });
    return new RateLimiter(perMinute, store, logger);
  }

  /** Counts one request; answers how many seconds to wait when over the limit, else undefined. */
  async take(key: string): Promise<number | undefined> {
    try {
      await this.store.consume(key);
      this.storeIsBack();
      return undefined;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        this.storeIsBack();
        return secondsToWait(outcome);
      }
      this.storeIsDown(outcome);
    }
    try {
      await this.inProcess.consume(key);
      return undefined;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return secondsToWait(outcome);
      throw outcome;
    }
  }

  private storeIsDown(error: unknown): void {
    if (this.storeDown) return;
    this.storeDown = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`rate limits cannot be counted in the database (${reason}); counting in this process until it is back`);
  }

  private storeIsBack(): void {
    if (!this.storeDown) return;
    this.storeDown = false;
    this.logger.log('rate limits are counted in the database again');
  }
}

function secondsToWait(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
