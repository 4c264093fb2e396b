import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { taskQueueFor, type PartyRole } from '@tradelane/contracts';
import { temporalConfig, type TemporalConfig } from '../config/namespaces';
import { installTemporalRuntime } from './runtime';

export interface WorkflowSource {
  /** Used when no prebuilt bundle is configured (tests, development): bundled at start. */
  workflowsPath: string;
}

/** Runs the Temporal worker of one party inside its service, and stops it with the service. */
@Injectable()
export class WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly running: { worker: Worker; done: Promise<void>; connection: NativeConnection }[] = [];

  constructor(@Inject(temporalConfig.KEY) private readonly config: TemporalConfig) {}

  async start(role: PartyRole, activities: object, workflows?: WorkflowSource): Promise<void> {
    if (!this.config.workersEnabled) return;
    installTemporalRuntime();
    const connection = await NativeConnection.connect({ address: this.config.address });
    const options: WorkerOptions = {
      connection,
      namespace: this.config.namespace,
      taskQueue: taskQueueFor(role, this.config.taskQueuePrefix),
      activities,
      shutdownGraceTime: '5 seconds',
      ...(this.config.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: this.config.maxCachedWorkflows } : {}),
    };
    if (workflows) {
      if (this.config.workflowBundlePath) options.workflowBundle = { codePath: this.config.workflowBundlePath };
      else options.workflowsPath = workflows.workflowsPath;
    }
    const worker = await Worker.create(options);
    const done = worker.run().catch((error) => {
      this.logger.error(`worker for ${options.taskQueue} stopped: ${error}`);
    });
    this.running.push({ worker, done, connection });
    this.logger.log(`worker polling ${options.taskQueue}`);
  }

  /** Before the database pool closes, so that in-flight activities can finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.running.map(async ({ worker, done, connection }) => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done;
        await connection.close();
      }),
    );
    this.running.length = 0;
  }
}

/** Activities are plain functions; bind a provider's methods so `this` survives. */
export function activitiesOf<T extends object>(instance: T, names: (keyof T & string)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const fn = instance[name];
    if (typeof fn !== 'function') throw new TypeError(`${name} is not a method`);
    out[name] = (fn as (...args: unknown[]) => unknown).bind(instance);
  }
  return out;
}
