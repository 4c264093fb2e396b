import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { dependencyUnavailableProblem, type Dependency } from '../http/dependency-unavailable';
import { DatabaseHealth } from './database.health';
import { TemporalHealth } from './temporal.health';

type Check = 'up' | 'down';

export interface Readiness {
  status: 'ok';
  database: Check;
  temporal: Check;
  /** Terminus's details of each check */
  checks: HealthIndicatorResult;
}

/**
 * Liveness: the process answers (a restart would not help when PostgreSQL or Temporal is down).
 * Readiness: both answer; otherwise a 503 problem naming what is down. GET /health is readiness,
 * which the start scripts and test stacks wait on.
 */
@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly temporal: TemporalHealth,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Temporal answer (same as /health/ready; /health/live is liveness)' })
  @ApiOkResponse({ description: 'Ready: { status: "ok", database: "up", temporal: "up" }' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: a dependency-unavailable problem whose `down` lists database and/or temporal' })
  check(): Promise<Readiness> {
    return this.readiness();
  }

  @Get('ready')
  @ApiExcludeEndpoint()
  ready(): Promise<Readiness> {
    return this.readiness();
  }

  @Get('live')
  @ApiExcludeEndpoint()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  private async readiness(): Promise<Readiness> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.database.check(), () => this.temporal.check()]);
    } catch (error) {
      const failed = (error as { getResponse?: () => unknown }).getResponse?.() as HealthCheckResult | undefined;
      if (!failed?.details) throw error;
      throw notReady(failed.details);
    }
    return { status: 'ok', database: 'up', temporal: 'up', checks: result.details };
  }
}

function notReady(details: HealthIndicatorResult): HttpException {
  const down = (['database', 'temporal'] as Dependency[]).filter((d) => details[d]?.status !== 'up');
  const problem = dependencyUnavailableProblem(down[0]);
  return new HttpException(
    {
      ...problem,
      title: 'The service is not ready',
      detail: down.map((d) => String(details[d]?.message ?? `${d} is down`)).join('; '),
      down,
      checks: details,
    },
    503,
  );
}
