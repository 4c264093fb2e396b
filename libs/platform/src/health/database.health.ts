import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { within } from './within';

/** Readiness waits this long for PostgreSQL's answer to SELECT 1. */
export const DATABASE_PROBE_MS = 2_000;

/** Is this service's PostgreSQL answering: a SELECT 1 through the service's own pool. */
@Injectable()
export class DatabaseHealth {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult<'database'>> {
    const session = this.indicator.check('database');
    try {
      await within(DATABASE_PROBE_MS, this.dataSource.query('SELECT 1'), () => new Error(`no answer within ${DATABASE_PROBE_MS} ms`));
      return session.up();
    } catch (error) {
      return session.down({ message: `PostgreSQL is unreachable: ${probeFailure(error)}` });
    }
  }
}

const GRPC_CODE_NAMES: Record<number, string> = { 4: 'DEADLINE_EXCEEDED', 14: 'UNAVAILABLE' };

/** The kind of failure, not the server's address or credentials: the health routes are public. */
export function probeFailure(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string' && code) return code;
  if (typeof code === 'number') return GRPC_CODE_NAMES[code] ?? `gRPC status ${code}`;
  return typeof e?.message === 'string' && /^no answer within/.test(e.message) ? e.message : 'the check failed';
}
