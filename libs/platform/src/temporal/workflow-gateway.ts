import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { FAILURE } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { ProblemException } from '../http/problem';
import { FailureProblemException, applicationFailureIn, problemOfFailure } from './failure-problems';
import { TEMPORAL_CLIENT } from './temporal.tokens';

/** How long a finished order gets to say its state before the answer names Temporal's status instead. */
const STATE_QUERY_MS = 5_000;
/**
 * How long a query may take. Without it the client retries an unreachable server for about 20 s
 * before the answer (503, dependency-unavailable) can be given.
 */
const QUERY_DEADLINE_MS = 10_000;

const orderNotFound = (workflowId: string) =>
  new ProblemException(404, 'not-found', 'Order not found', `no running or finished order ${workflowId}`);

/**
 * How services talk to running orders; Temporal's refusals become problem details here, and an
 * unreachable Temporal (UNAVAILABLE, DEADLINE_EXCEEDED) is left to the problem filter's 503.
 */
@Injectable()
export class WorkflowGateway {
  constructor(@Inject(TEMPORAL_CLIENT) readonly client: Client) {}

  /** With an `updateId`, a repeat of an update the order took already returns as the first did. */
  async update<Arg>(workflowId: string, update: UpdateDefinition<void, [Arg]>, arg: Arg, updateId?: string): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      await handle.executeUpdate(update, { args: [arg], ...(updateId ? { updateId } : {}) });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const failure = applicationFailureIn(error.cause);
        if (failure) throw problemOfFailure(failure);
      }
      // The server answers an update to a closed workflow as if there were none.
      if (error instanceof WorkflowNotFoundError) throw await this.closedOrMissing(handle, error);
      throw error;
    }
  }

  /** Queries are answered by finished orders too, so "not found" means there never was one. */
  async query<R>(workflowId: string, query: QueryDefinition<R>): Promise<R> {
    try {
      return await this.client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => this.client.workflow.getHandle(workflowId).query(query));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw orderNotFound(workflowId);
      throw error;
    }
  }

  /** A finished order refuses with its state (409); an order that never existed is a 404. */
  private async closedOrMissing(handle: WorkflowHandle, original: Error): Promise<Error> {
    let status: string;
    try {
      status = (await this.client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.describe())).status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return orderNotFound(handle.workflowId);
      throw error;
    }
    if (status === 'RUNNING') return original;
    const view = await this.client
      .withDeadline(Date.now() + STATE_QUERY_MS, () => handle.query(orderViewQuery))
      .catch(() => undefined);
    const state = view?.status ?? status.toLowerCase().replace(/_/g, '-');
    const orderId = view?.orderId ?? handle.workflowId.replace(/^order:/, '');
    return new FailureProblemException(
      FAILURE.orderState,
      { reason: 'the order has finished', state },
      `order ${orderId} is ${state}; it takes no more answers`,
    );
  }
}
