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
}));

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type TemporalConfig = ReturnType<typeof temporalConfig>;
