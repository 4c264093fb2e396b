import { registerAs } from '@nestjs/config';

export const databaseConfig = registerAs('database', () => ({
  url: process.env.DATABASE_URL as string,
}));

export const temporalConfig = registerAs('temporal', () => ({
  address: process.env.TEMPORAL_ADDRESS as string,
  namespace: process.env.TEMPORAL_NAMESPACE || 'default',
  taskQueuePrefix: process.env.TEMPORAL_TASK_QUEUE_PREFIX ?? '',
  workflowBundlePath: process.env.WORKFLOW_BUNDLE_PATH || undefined,
  workersEnabled: process.env.TEMPORAL_WORKERS_ENABLED !== 'false',
  /** unset: the SDK's default; 0 replays every workflow task from its history (a determinism check) */
  maxCachedWorkflows: process.env.TEMPORAL_MAX_CACHED_WORKFLOWS ? Number(process.env.TEMPORAL_MAX_CACHED_WORKFLOWS) : undefined,
}));

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type TemporalConfig = ReturnType<typeof temporalConfig>;
