import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import {
  taskQueueFor,
  type BuyerActivities,
  type CarrierActivities,
  type DistributorActivities,
  type FailureDetail,
  type FailureType,
  type PartyRole,
  type PaymentGatewayActivities,
  type SupplierActivities,
} from '@tradelane/contracts';
import { temporalConfig, type TemporalConfig } from '../config/namespaces';
import { activityLogContext } from '../observability/logging/activity-log-context';
import { tracingActivityInterceptors, workflowSpanSinks } from '../observability/tracing/temporal-tracing';
import { installTemporalRuntime } from './runtime';
import { activityFaults } from '../faults/activity-faults';
import { faultInjector } from '../faults/fault-injector';

/** The activities each party runs on its own task queue, as the order's workflow calls them. */
export interface PartyActivities {
  buyer: BuyerActivities;
  distributor: DistributorActivities;
  supplier: SupplierActivities;
  carrier: CarrierActivities;
  'payment-gateway': PaymentGatewayActivities;
}

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

  /** `activities` must be the role's contract; its methods are what the worker registers. */
  async start<R extends PartyRole>(role: R, activities: PartyActivities[R], workflows?: WorkflowSource): Promise<void> {
    if (!this.config.workersEnabled) return;
    installTemporalRuntime();
    const connection = await NativeConnection.connect({ address: this.config.address });
    const service = `tradelane-${role}`;
    const sinks = workflowSpanSinks(service);
    const faults = faultInjector();
    const options: WorkerOptions = {
      connection,
      namespace: this.config.namespace,
      taskQueue: taskQueueFor(role, this.config.taskQueuePrefix),
      activities: boundMethods(activities),
      // The activity's span first, so that its log context names the trace.
      interceptors: { activity: [tracingActivityInterceptors, activityLogContext(service), ...(faults ? [activityFaults(faults)] : [])] },
      sinks,
      shutdownGraceTime: '5 seconds',
      maxCachedWorkflows: this.config.maxCachedWorkflows,
    };
    if (workflows) {
      if (this.config.workflowBundlePath) options.workflowBundle = { codePath: this.config.workflowBundlePath };
      else {
        options.workflowsPath = workflows.workflowsPath;
        // The workflows' module exports their interceptors; a prebuilt bundle has them from bundle-workflows.js.
        options.interceptors = { ...options.interceptors, workflowModules: [workflows.workflowsPath] };
      }
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

/**
 * Temporal calls activities as plain functions: every method of the object (its own function
 * properties and its class's methods), bound to it so that `this` survives. The class should
 * therefore carry the party's activities and nothing else.
 */
function boundMethods(activities: object): Record<string, (...args: unknown[]) => unknown> {
  const bound: Record<string, (...args: unknown[]) => unknown> = {};
  const names = new Set(Object.keys(activities));
  for (let proto = Object.getPrototypeOf(activities); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name);
  }
  for (const name of names) {
    const method: unknown = Reflect.get(activities, name);
    if (typeof method === 'function') bound[name] = method.bind(activities);
  }
  return bound;
}

/** An activity refuses for a business reason: not retried, with one detail saying what about and why. */
export function refusal(type: FailureType, message: string, detail: FailureDetail): ApplicationFailure {
  return ApplicationFailure.create({ type, nonRetryable: true, message, details: [detail] });
}
