import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { probeFailure } from './database.health';
import { within } from './within';

/** Readiness waits this long for Temporal's frontend. */
export const TEMPORAL_PROBE_MS = 2_000;

/**
 * Is Temporal's frontend answering this service's client: GetSystemInfo, the call the SDK itself
 * makes to check a connection (served by the dev server and the Java test server alike). The
 * deadline stops the client's own retries of UNAVAILABLE, which would take about 20 s.
 */
@Injectable()
export class TemporalHealth {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult<'temporal'>> {
    const session = this.indicator.check('temporal');
    try {
      await within(
        TEMPORAL_PROBE_MS + 500,
        this.client.withDeadline(Date.now() + TEMPORAL_PROBE_MS, () => this.client.workflowService.getSystemInfo({})),
        () => new Error(`no answer within ${TEMPORAL_PROBE_MS} ms`),
      );
      return session.up();
    } catch (error) {
      return session.down({ message: `Temporal is unreachable: ${probeFailure(error)}` });
    }
  }
}
