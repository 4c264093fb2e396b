import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { WholeNumber, readEnvironment } from './read-environment';

const ADDRESS = 'must be the host:port of the Temporal frontend';

/**
 * Workflows the distributor's worker keeps in memory between their tasks. The SDK's default grows
 * with the heap limit (about 2,300 on a 4 GiB heap), and a cached order waiting on people keeps
 * its pending promises and their recorded stack traces in the workflow thread's heap, so 1,000
 * waiting orders took the distributor to 3.8 GiB. An order pushed out of the cache replays its
 * history at its next task; the orders in flight at once (the bench's load runs 8 to 64) stay
 * cached. Measured with 1,000 waiting orders: 250 settled at 776 MiB, 100 at 379 MiB
 * (docs/benchmark.md).
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 100;

export class TemporalEnvironment {
  @IsString({ message: ADDRESS })
  @MinLength(3, { message: ADDRESS })
  TEMPORAL_ADDRESS: string;

  @IsOptional()
  @IsString({ message: 'must be a Temporal namespace name' })
  TEMPORAL_NAMESPACE?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may hold letters, digits, dot, dash and underscore' })
  TEMPORAL_TASK_QUEUE_PREFIX?: string;

  @IsOptional()
  @IsString({ message: 'must be the path of a prebuilt workflow bundle' })
  WORKFLOW_BUNDLE_PATH?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  TEMPORAL_WORKERS_ENABLED?: string;

  @IsOptional()
  @WholeNumber(0)
  TEMPORAL_MAX_CACHED_WORKFLOWS?: number;
}

export const temporalConfig = registerAs('temporal', () => {
  const env = readEnvironment(TemporalEnvironment);
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueuePrefix: env.TEMPORAL_TASK_QUEUE_PREFIX ?? '',
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
    workersEnabled: env.TEMPORAL_WORKERS_ENABLED !== 'false',
    /** 0 replays every workflow task from its history (a determinism check) */
    maxCachedWorkflows: env.TEMPORAL_MAX_CACHED_WORKFLOWS ?? DEFAULT_MAX_CACHED_WORKFLOWS,
  };
});

export type TemporalConfig = ReturnType<typeof temporalConfig>;
