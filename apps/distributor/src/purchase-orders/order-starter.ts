import { Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { orderWorkflowId, taskQueueFor, type PurchaseOrder } from '@tradelane/contracts';

/**
 * How long a start may take. The client retries an unreachable server for about 20 s on its own;
 * the request should answer 503 sooner, and the order's row waits uncommitted meanwhile.
 */
export const START_DEADLINE_MS = 5_000;
const TERMINATE_DEADLINE_MS = 2_000;

export const UNKEPT_REASON = 'its purchase order was not kept: the distributor could not store it, or answered the buyer 503';

/** Starts orders' workflows and, for an order that was not kept after all, ends its workflow again. */
export class OrderStarter {
  private readonly logger = new Logger('OrderStarter');
  /** Workflows that may have started for an order that was not kept, and could not be ended yet. */
  readonly toDiscard = new Set<string>();

  constructor(
    private readonly temporal: Client,
    private readonly taskQueuePrefix: string,
  ) {}

  /** The workflow id is the order's own, and a duplicate is refused, so a second start changes nothing. */
  async start(order: PurchaseOrder): Promise<void> {
    try {
      await this.temporal.withDeadline(Date.now() + START_DEADLINE_MS, () =>
        this.temporal.workflow.start('orderWorkflow', {
          workflowId: orderWorkflowId(order.orderId),
          taskQueue: taskQueueFor('distributor', this.taskQueuePrefix),
          args: [order],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw error;
    }
  }

  /**
   * Ends the workflow of an order whose row is not there (a start whose answer was lost, or a
   * commit that failed after it). When Temporal cannot be reached now, the sweep tries again.
   * Says whether a workflow was ended, there was none (or it had finished), or it is left for later.
   */
  async discard(workflowId: string): Promise<'ended' | 'none' | 'later'> {
    try {
      await this.temporal.withDeadline(Date.now() + TERMINATE_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(workflowId).terminate(UNKEPT_REASON),
      );
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        this.toDiscard.add(workflowId);
        this.logger.warn(`workflow ${workflowId} of an order not kept could not be ended yet: ${(error as Error).message}`);
        return 'later';
      }
      this.toDiscard.delete(workflowId);
      return 'none';
    }
    this.toDiscard.delete(workflowId);
    return 'ended';
  }
}
