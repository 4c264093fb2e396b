import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { WorkflowNotFoundError, isGrpcServiceError, type Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, type ReplayWorkerOptions } from '@temporalio/worker';
import { orderWorkflowId, taskQueueFor } from '@tradelane/contracts';
import { ProblemException, TEMPORAL_CLIENT, installTemporalRuntime, temporalConfig, workflowSpanSinks, type TemporalConfig } from '@tradelane/platform';
import { historyHeads, type History } from './history-anchors';
import { Replayer } from './replayer';
import type { HistoryAnchor } from './order-log-verification';

/** How long verify waits for Temporal before it says the history anchor is unavailable. */
const HISTORY_ANCHOR_TIMEOUT_MS = 5000;
const GRPC_NOT_FOUND = 5;

/** fetchHistory passes on the server's NOT_FOUND as it came, wrapped or not. */
const notFound = (error: unknown): boolean =>
  error instanceof WorkflowNotFoundError ||
  (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) ||
  (error instanceof Error && isGrpcServiceError(error.cause) && error.cause.code === GRPC_NOT_FOUND);

export interface ReplayVerdict {
  orderId: string;
  workflowId: string;
  runId: string;
  verdict: 'replayed' | 'diverged';
  /** The first divergence and why, as the SDK's replay reports it; eventId is the history event it diverged at. */
  error?: { type: string; message: string; eventId?: number };
}

export interface ReplayWindow {
  closedAfter: string;
  closedBefore: string;
  limit: number;
  /** More orders closed in the window than `limit`; only the first `limit` (by close time) were replayed. */
  truncated: boolean;
  replayed: number;
  diverged: number;
  verdicts: ReplayVerdict[];
}

export const REPLAY_WINDOW_LIMIT = 1000;
const ORDER_WORKFLOW_TYPE = 'orderWorkflow';

const orderIdOf = (workflowId: string) => workflowId.replace(/^order:/, '');

/**
 * Core names the event it could not match, e.g. "… does not handle this event: HistoryEvent(id: 5,
 * ActivityTaskScheduled)"; a patch marker the code no longer makes only by its change id, so its
 * marker is looked up in the history.
 */
function divergence(error: Error, history?: History): NonNullable<ReplayVerdict['error']> {
  const eventId =
    /HistoryEvent\(id: (\d+)/.exec(error.message)?.[1] ??
    patchMarkerEventId(error.message, history) ??
    localActivityMarkerEventId(error.message, history);
  return { type: error.name, message: error.message, ...(eventId ? { eventId: Number(eventId) } : {}) };
}

function patchMarkerEventId(message: string, history?: History): string | undefined {
  const change = /patch marker encountered for change ([^,\s]+)/.exec(message)?.[1];
  if (!change || !history) return undefined;
  const marker = history.events?.find((e) =>
    Object.values(e.markerRecordedEventAttributes?.details ?? {}).some((p) =>
      (p.payloads ?? []).some((payload) => Buffer.from(payload.data ?? []).toString().includes(change)),
    ),
  );
  return marker?.eventId?.toString();
}

/** "Missing associated machine for LocalActivity(n)": the code did not start the n-th local activity the history records. */
function localActivityMarkerEventId(message: string, history?: History): string | undefined {
  const seq = Number(/Missing associated machine for LocalActivity\((\d+)\)/.exec(message)?.[1]);
  if (!seq || !history) return undefined;
  const markers = history.events?.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity') ?? [];
  return markers[seq - 1]?.eventId?.toString();
}

/** Order workflow histories, and their replay against the workflow code deployed now. */
@Injectable()
export class WorkflowReplayService implements OnApplicationShutdown {
  private bundle?: Promise<ReplayWorkerOptions['workflowBundle']>;
  // The bundle's tracing interceptors name their span sink even when replaying.
  private readonly replayer = new Replayer(async () => ({ workflowBundle: await this.workflowBundle(), sinks: workflowSpanSinks('tradelane-distributor') }));

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(temporalConfig.KEY) private readonly config: TemporalConfig,
  ) {}

  onApplicationShutdown(): Promise<void> {
    return this.replayer.close();
  }

  /** The history as Temporal's JSON (the form `temporal workflow show --output json` and historyFromJSON use). */
  async historyJson(orderId: string): Promise<string> {
    return historyToJSON(await this.history(orderId));
  }

  /**
   * The log heads the order workflow's history holds (the results of its recordMessages), or why
   * they cannot be had: the history is gone (retention), or Temporal does not answer.
   */
  async historyAnchor(orderId: string): Promise<HistoryAnchor> {
    try {
      const handle = this.client.workflow.getHandle(orderWorkflowId(orderId));
      return historyHeads(await this.client.withDeadline(Date.now() + HISTORY_ANCHOR_TIMEOUT_MS, () => handle.fetchHistory()));
    } catch (error) {
      if (notFound(error)) return { status: 'unavailable', reason: 'the workflow history is gone (past the namespace retention, or deleted)' };
      return { status: 'unavailable', reason: `Temporal did not give the workflow history: ${(error as Error).message}` };
    }
  }

  async replay(orderId: string): Promise<ReplayVerdict> {
    const workflowId = orderWorkflowId(orderId);
    const history = await this.history(orderId);
    const [verdict] = await this.replayAll([{ workflowId, history }]);
    return verdict;
  }

  /** Every order workflow of this deployment that closed in the window, oldest first, up to the limit. */
  async replayWindow(closedAfter: Date, closedBefore: Date): Promise<ReplayWindow> {
    const query = [
      `WorkflowType = '${ORDER_WORKFLOW_TYPE}'`,
      `TaskQueue = '${taskQueueFor('distributor', this.config.taskQueuePrefix)}'`,
      `ExecutionStatus != 'Running'`,
      `CloseTime >= '${closedAfter.toISOString()}'`,
      `CloseTime <= '${closedBefore.toISOString()}'`,
    ].join(' AND ');
    const closed: { workflowId: string; runId: string; closeTime: number }[] = [];
    let truncated = false;
    for await (const execution of this.client.workflow.list({ query })) {
      if (closed.length === REPLAY_WINDOW_LIMIT) {
        truncated = true;
        break;
      }
      closed.push({ workflowId: execution.workflowId, runId: execution.runId, closeTime: execution.closeTime?.getTime() ?? 0 });
    }
    closed.sort((a, b) => a.closeTime - b.closeTime);
    const client = this.client;
    async function* histories() {
      for (const c of closed) {
        yield { workflowId: c.workflowId, history: await client.workflow.getHandle(c.workflowId, c.runId).fetchHistory() };
      }
    }
    const verdicts = await this.replayAll(histories());
    return {
      closedAfter: closedAfter.toISOString(),
      closedBefore: closedBefore.toISOString(),
      limit: REPLAY_WINDOW_LIMIT,
      truncated,
      replayed: verdicts.filter((v) => v.verdict === 'replayed').length,
      diverged: verdicts.filter((v) => v.verdict === 'diverged').length,
      verdicts,
    };
  }

  private async replayAll(
    histories: AsyncIterable<{ workflowId: string; history: History }> | Iterable<{ workflowId: string; history: History }>,
  ): Promise<ReplayVerdict[]> {
    installTemporalRuntime();
    const verdicts: ReplayVerdict[] = [];
    const replayed = new Map<string, History>();
    async function* remembered() {
      for await (const h of histories) {
        replayed.set(h.workflowId, h.history);
        yield h;
      }
    }
    await this.replayer.replay(remembered(), (result) => {
      verdicts.push({
        orderId: orderIdOf(result.workflowId),
        workflowId: result.workflowId,
        runId: result.runId,
        verdict: result.error ? 'diverged' : 'replayed',
        ...(result.error ? { error: divergence(result.error, replayed.get(result.workflowId)) } : {}),
      });
      replayed.delete(result.workflowId);
    });
    return verdicts;
  }

  private async history(orderId: string): Promise<History> {
    try {
      return await this.client.workflow.getHandle(orderWorkflowId(orderId)).fetchHistory();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new ProblemException(404, 'not-found', 'Order workflow not found', `no workflow history for order ${orderId}`);
      }
      throw error;
    }
  }

  /** The bundle the production worker runs (WORKFLOW_BUNDLE_PATH), else the workflow code bundled once here. */
  private workflowBundle(): Promise<ReplayWorkerOptions['workflowBundle']> {
    if (this.config.workflowBundlePath) return Promise.resolve({ codePath: this.config.workflowBundlePath });
    const workflowsPath = require.resolve('../../../../workflows/order');
    // As bundle-workflows.js builds it: the module's tracing interceptors ran the orders too.
    this.bundle ??= bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: [workflowsPath] }).then(
      ({ code }) => ({ code }),
      (error: unknown) => {
        this.bundle = undefined;
        throw error;
      },
    );
    return this.bundle;
  }
}
