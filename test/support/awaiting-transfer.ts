import { Worker, NativeConnection } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { orderWorkflowId, type Money } from '@tradelane/contracts';
import type { Stack } from './stack';
import type { awaitingTransfer } from './awaiting-transfer.workflow';

export interface StandInOrders {
  /** A purchase order row and a running stand-in order waiting for `amountDue`. */
  start(amountDue: Money, buyerId?: string): Promise<{ orderId: string; handle: WorkflowHandle<typeof awaitingTransfer> }>;
  close(): Promise<void>;
}

/** Runs the stand-in order workflow on a task queue of the test's own. */
export async function standInOrders(stack: Stack): Promise<StandInOrders> {
  const taskQueue = `${stack.taskQueuePrefix}stand-in-orders`;
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./awaiting-transfer.workflow'),
  });
  const running = worker.run();
  return {
    async start(amountDue, buyerId = 'stand-in-buyer') {
      const orderId = randomUUID();
      await stack.db.query(
        `INSERT INTO distributor.purchase_orders (order_id, buyer_id, body_hash, status, "order", submitted_at, updated_at)
         VALUES ($1, $2, 'stand-in', 'awaiting-transport-and-payment', $3, now(), now())`,
        [orderId, buyerId, JSON.stringify({ orderId, buyerId })],
      );
      const handle = await stack.temporal.workflow.start<typeof awaitingTransfer>('awaitingTransfer', {
        taskQueue,
        workflowId: orderWorkflowId(orderId),
        args: [orderId, buyerId, amountDue],
      });
      return { orderId, handle };
    },
    async close() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
