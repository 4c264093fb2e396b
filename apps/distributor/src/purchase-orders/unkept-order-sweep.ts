import { Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { taskQueueFor } from '@tradelane/contracts';
import type { Repository } from 'typeorm';
import type { OrderStarter } from './order-starter';
import type { PurchaseOrderRecord } from './purchase-order.entity';

export const SWEEP_INTERVAL_MS = 60_000;
/** A workflow younger than this may still be waiting for its row's commit. */
const SETTLE_MS = 60_000;
/** How far back a sweep looks; sweeps overlap, so a process down for a while still catches up. */
const LOOK_BACK_MS = 30 * 60_000;
const LIST_DEADLINE_MS = 10_000;
const UUID_WORKFLOW_ID = /^order:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The last resort for "no workflow without its row": ends running order workflows of this
 * distributor's queue that have no purchase order row, those the starter could not end at once
 * (Temporal was down) and those a crash left between the start and the row's commit.
 */
export class UnkeptOrderSweep {
  private readonly logger = new Logger('UnkeptOrderSweep');

  constructor(
    private readonly temporal: Client,
    private readonly orders: Repository<PurchaseOrderRecord>,
    private readonly starter: OrderStarter,
    private readonly taskQueuePrefix: string,
  ) {}

  async sweep(now = new Date()): Promise<string[]> {
    const candidates = new Set([...this.starter.toDiscard, ...(await this.recentlyStarted(now))]);
    if (candidates.size === 0) return [];
    // Only ids this service makes (order:<uuid>) can have a row; anything else on the queue is left alone.
    const orderIds = [...candidates].map((id) => UUID_WORKFLOW_ID.exec(id)?.[1]).filter((id): id is string => id !== undefined);
    if (orderIds.length === 0) return [];
    const kept = new Set(
      (
        await this.orders
          .createQueryBuilder('o')
          .select('o.orderId', 'orderId')
          .where('o.orderId IN (:...orderIds)', { orderIds })
          .getRawMany<{ orderId: string }>()
      ).map((r) => `order:${r.orderId}`),
    );
    const ended: string[] = [];
    for (const workflowId of orderIds.map((id) => `order:${id}`)) {
      if (kept.has(workflowId)) {
        this.starter.toDiscard.delete(workflowId);
        continue;
      }
      if ((await this.starter.discard(workflowId)) === 'ended') ended.push(workflowId);
    }
    if (ended.length > 0) this.logger.warn(`ended ${ended.length} order workflow(s) without a purchase order: ${ended.join(', ')}`);
    return ended;
  }

  private async recentlyStarted(now: Date): Promise<string[]> {
    const query = [
      `WorkflowType = 'orderWorkflow'`,
      `ExecutionStatus = 'Running'`,
      `TaskQueue = '${taskQueueFor('distributor', this.taskQueuePrefix)}'`,
      `StartTime BETWEEN '${new Date(now.getTime() - LOOK_BACK_MS).toISOString()}' AND '${new Date(now.getTime() - SETTLE_MS).toISOString()}'`,
    ].join(' AND ');
    const ids: string[] = [];
    await this.temporal.withDeadline(Date.now() + LIST_DEADLINE_MS, async () => {
      for await (const w of this.temporal.workflow.list({ query })) ids.push(w.workflowId);
    });
    return ids;
  }
}
