// The worker of the plain-Temporal arms (B and B-LA), run by the bench as its own process so
// that its CPU and memory are measured apart from the services. Its activities do no business
// work; the ones that send a message to a party start that party's bot, which signals the
// answer after BENCH_BOT_LATENCY_MS.
import { Context } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const address = process.env.TEMPORAL_ADDRESS;
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const taskQueue = process.env.BENCH_TASK_QUEUE ?? 'bench-plain';
const latencyMs = Number(process.env.BENCH_BOT_LATENCY_MS ?? 0);

Runtime.install({ logger: new DefaultLogger('WARN') });
const client = new Client({ connection: await Connection.connect({ address }), namespace });

/** A party's bot: answers the workflow that asked, after the configured latency. */
function answerLater(answer, delayMs = latencyMs) {
  const { workflowId } = Context.current().info.workflowExecution;
  setTimeout(() => {
    client.workflow
      .getHandle(workflowId)
      .signal('answer', answer)
      .catch((error) => console.error(`[plain-worker] signal ${answer} to ${workflowId}: ${error.message}`));
  }, delayMs);
}

const activities = {
  async receivePurchaseOrder() {},
  async sendStockInquiry() {
    answerLater('stock-answer');
  },
  async sendShippingInquiry() {
    answerLater('shipping-quote');
  },
  async sendOrderConfirmation() {
    answerLater('payment');
  },
  async sendTransportNotice() {
    answerLater('transport-acceptance');
  },
  async sendDispatchNotice() {},
  // The gateway is a machine in every arm: it answers at once.
  async sendPaymentNotice() {
    answerLater('transfer-notice', 0);
  },
  async applyTransferNotice() {},
};

const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  namespace,
  taskQueue,
  activities,
  workflowsPath: join(root, 'workflows/bench/index.ts'),
  shutdownGraceTime: '2 seconds',
});
process.on('SIGTERM', () => worker.shutdown());
process.on('SIGINT', () => worker.shutdown());
console.log(`[plain-worker] polling ${taskQueue}`);
await worker.run();
process.exit(0);
