import { startStack, type Stack, type StackOptions } from './stack';

export interface Replicas {
  /** two full sets of the five services, each as startStack builds it */
  replicas: [Stack, Stack];
  close(): Promise<void>;
}

/**
 * Two replicas of every service on one database and one Temporal server, with the same task
 * queue prefix: the two workers of each party take tasks from the same queues, so the two
 * distributor workers race for the same workflow and activity tasks. Each gateway delivers
 * transfer notices to the webhook of the distributor in its own set.
 */
export async function startReplicas(options: StackOptions = {}): Promise<Replicas> {
  // Ten apps each hook the signals (enableShutdownHooks); more than Node's default of ten listeners is expected here.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 30));
  const first = await startStack(options);
  let second: Stack;
  try {
    second = await startStack({
      ...options,
      replicaOf: { databaseUrl: first.databaseUrl, taskQueuePrefix: first.taskQueuePrefix },
    });
  } catch (error) {
    await first.close();
    throw error;
  }
  return {
    replicas: [first, second],
    async close() {
      // The first set made the database and drops it, so it goes last.
      await second.close();
      await first.close();
    },
  };
}
