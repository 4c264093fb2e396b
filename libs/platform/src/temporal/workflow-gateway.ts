import { Inject, Injectable } from '@nestjs/common';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { ProblemException, conflict } from '../http/problem';
import { TEMPORAL_CLIENT } from './temporal.tokens';

function causeMessage(error: unknown): string {
  let e = error as { cause?: unknown; message?: string } | undefined;
  while (e?.cause) e = e.cause as typeof e;
  return e?.message ?? String(error);
}

/** How services talk to running orders; Temporal errors become problem details. */
@Injectable()
export class WorkflowGateway {
  constructor(@Inject(TEMPORAL_CLIENT) readonly client: Client) {}

  /** With an `updateId`, a repeat of an update the order took already returns as the first did. */
  async update<Arg>(workflowId: string, update: UpdateDefinition<void, [Arg]>, arg: Arg, updateId?: string): Promise<void> {
    try {
      await this.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg], ...(updateId ? { updateId } : {}) });
    } catch (error) {
      throw this.translate(error, workflowId);
    }
  }

  async query<R>(workflowId: string, query: QueryDefinition<R>): Promise<R> {
    try {
      return await this.client.workflow.getHandle(workflowId).query(query);
    } catch (error) {
      throw this.translate(error, workflowId);
    }
  }

  private translate(error: unknown, workflowId: string): Error {
    if (error instanceof WorkflowNotFoundError) {
      return new ProblemException(404, 'not-found', 'Order not found', `no running or finished order ${workflowId}`);
    }
    if (error instanceof WorkflowUpdateFailedError) return conflict(causeMessage(error));
    const message = causeMessage(error);
    // An update sent to an order that has finished is refused by the server.
    if (/workflow execution already completed|not found/i.test(message)) {
      return conflict(`order ${workflowId} no longer takes answers`);
    }
    return error as Error;
  }
}
