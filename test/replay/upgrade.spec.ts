import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { PurchaseOrder } from '../../libs/contracts/src';
import { buyerDecisionUpdate, orderViewQuery, shippingQuoteUpdate, stockAnswerUpdate, transportAcceptanceUpdate } from '../../workflows/order/definitions';
import {
  HOUR,
  acceptanceOf,
  answerTo,
  automaticParties,
  currentBundle,
  payAndSettle,
  purchaseOrder,
  quoteFor,
  startPartyWorkers,
  until,
  waitingFor,
  type Parties,
  type WorkflowBundle,
} from '../support/order-harness';
import { startTimeSkippingServer } from '../support/time-skipping';
import { releaseBundle, releases } from './release-bundle';

/** Each kind of wait an order can be stopped at by an upgrade, and how a person then moves it on. */
type Wait = 'stock-answer' | 'shipping-quote' | 'transport-acceptance' | 'payment' | 'buyer-decision';

interface Stopped {
  wait: Wait;
  order: PurchaseOrder;
}

/** The parties answer by themselves, except where an order is to stop and wait for a person. */
function partiesStoppingAt(stopped: Stopped[]): Parties {
  const p = automaticParties();
  const at = (wait: Wait) => new Set(stopped.filter((s) => s.wait === wait || (wait === 'stock-answer' && s.wait === 'buyer-decision')).map((s) => s.order.orderId));
  const manualStock = at('stock-answer');
  const manualQuotes = at('shipping-quote');
  const manualTransport = at('transport-acceptance');
  p.supplier.receiveStockInquiry.mockImplementation(async (inquiry) =>
    manualStock.has(inquiry.orderId) ? { mode: 'manual' } : { mode: 'automatic', answer: answerTo(inquiry) },
  );
  p.carrier.receiveShippingInquiry.mockImplementation(async (inquiry) =>
    manualQuotes.has(inquiry.orderId) ? { mode: 'manual' } : { mode: 'automatic', answer: quoteFor(inquiry) },
  );
  p.carrier.receiveTransportNotice.mockImplementation(async (notice) =>
    manualTransport.has(notice.orderId) ? { mode: 'manual' } : { mode: 'automatic', answer: acceptanceOf(notice) },
  );
  // A late supplier is put to the buyer, so an order can be stopped while it waits for the buyer's decision.
  p.terms.s1 = { onDeadline: 'ask-buyer' };
  return p;
}

const callsFor = <A extends { orderId: string }>(calls: [A, ...unknown[]][], order: PurchaseOrder) =>
  calls.map(([arg]) => arg).filter((arg) => arg.orderId === order.orderId);

/** What a person does to move an order on from its wait, until it completes. */
async function finish(handle: WorkflowHandle, p: Parties, { wait, order }: Stopped): Promise<void> {
  const answerStock = async () => {
    const [inquiry] = callsFor(p.supplier.receiveStockInquiry.mock.calls, order);
    await handle.executeUpdate(stockAnswerUpdate, { args: [answerTo(inquiry, 'clerk')] });
  };
  if (wait === 'buyer-decision') {
    await handle.executeUpdate(buyerDecisionUpdate, { args: [{ decision: 'wait', decidedBy: 'maria' }] });
    await until(handle, waitingFor('stock-answer'));
  }
  if (wait === 'stock-answer' || wait === 'buyer-decision') await answerStock();
  if (wait === 'shipping-quote') {
    for (const inquiry of callsFor(p.carrier.receiveShippingInquiry.mock.calls, order)) {
      await handle.executeUpdate(shippingQuoteUpdate, { args: [quoteFor(inquiry, 'desk')] });
    }
  }
  if (wait === 'transport-acceptance') {
    const [notice] = callsFor(p.carrier.receiveTransportNotice.mock.calls, order);
    await handle.executeUpdate(transportAcceptanceUpdate, { args: [acceptanceOf(notice, 'dispatcher')] });
  }
  await payAndSettle(handle, order);
}

/** Why the worker could not go on with the order: a failed workflow task in its history, if any. */
async function workflowTaskFailure(handle: WorkflowHandle): Promise<string | undefined> {
  const { events } = await handle.fetchHistory();
  const failed = events?.find((e) => e.workflowTaskFailedEventAttributes);
  return failed ? (failed.workflowTaskFailedEventAttributes!.failure?.message ?? 'workflow task failed') : undefined;
}

/**
 * Resolves with the first failed workflow task once the history shows one. An order whose task
 * fails may never answer a query or an update (the server holds them for a task that keeps
 * failing), so the verdict is read from the history instead of waiting for the order.
 */
async function firstWorkflowTaskFailure(handle: WorkflowHandle, stop: AbortSignal): Promise<string> {
  while (!stop.aborted) {
    const failure = await workflowTaskFailure(handle).catch(() => undefined);
    if (failure) return failure;
    await new Promise((r) => setTimeout(r, 250));
  }
  return 'stopped';
}

/**
 * Starts the orders on the release's bundle and lets each reach its wait; stops those workers;
 * then starts workers on `current`, which first have to replay each order's history, and reports
 * per order whether they took it on.
 */
async function upgrade(env: TestWorkflowEnvironment, stopped: Stopped[], release: WorkflowBundle, current: WorkflowBundle) {
  const p = partiesStoppingAt(stopped);
  const prefix = `up-${randomUUID().slice(0, 8)}-`;
  // The release's workers keep no sticky cache: the server would hold the orders' next tasks for their gone sticky queue.
  const before = await startPartyWorkers(env, p, prefix, release, 0);
  try {
    // The buyer's decision comes after a missed deadline: that time passes before the other orders start.
    for (const s of stopped.filter((x) => x.wait === 'buyer-decision')) {
      const handle = await before.start(s.order);
      await until(handle, waitingFor('stock-answer'));
      await env.sleep(25 * HOUR);
      await until(handle, waitingFor('buyer-decision'));
    }
    for (const s of stopped.filter((x) => x.wait !== 'buyer-decision')) {
      await until(await before.start(s.order), waitingFor(s.wait));
    }
  } finally {
    await before.stop();
  }
  const after = await startPartyWorkers(env, p, prefix, current);
  const verdicts: Record<string, string> = {};
  // calls the server still holds for an order whose task keeps failing, cancelled once it has its verdict
  const pending: Promise<unknown>[] = [];
  try {
    for (const s of stopped) {
      const handle = after.handle(s.order);
      const watching = new AbortController();
      const finished = env.connection.withAbortSignal(watching.signal, async () => {
        await handle.query(orderViewQuery);
        await finish(handle, p, s);
        const view = await handle.result();
        return (await workflowTaskFailure(handle)) ?? view.status;
      });
      try {
        verdicts[s.wait] = await Promise.race([finished, firstWorkflowTaskFailure(handle, watching.signal)]);
      } catch (error) {
        verdicts[s.wait] = (await workflowTaskFailure(handle)) ?? `${(error as Error).name}: ${(error as Error).message}`;
      } finally {
        watching.abort();
        pending.push(finished.catch(() => undefined));
      }
    }
  } finally {
    for (const s of stopped) await after.handle(s.order).terminate('test done').catch(() => undefined);
    // Their retries must not outlive the server, or they fail whatever test runs next in this process.
    await Promise.allSettled(pending);
    await after.stop();
  }
  return verdicts;
}

const WAITS: Wait[] = ['stock-answer', 'shipping-quote', 'transport-acceptance', 'payment', 'buyer-decision'];
const ordersAt = (waits: Wait[]): Stopped[] => waits.map((wait) => ({ wait, order: purchaseOrder([['DE-BOLT', 10]]) }));

/**
 * Orders running when the service is upgraded: begun on the last release's workflow (rebuilt
 * from its commit in release.json), stopped at every kind of wait, finished by this commit's.
 */
describe('an upgrade from the last release', () => {
  const release = releases().at(-1)!;
  let releaseCode: WorkflowBundle;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    releaseCode = await releaseBundle(release);
  });
  beforeEach(async () => {
    ({ env } = await startTimeSkippingServer());
  });
  afterEach(async () => {
    await env?.teardown();
  });

  it(`finishes on this commit's workflow every order ${release.version} left waiting`, async () => {
    const verdicts = await upgrade(env, ordersAt(WAITS), releaseCode, currentBundle());
    expect(verdicts).toEqual(Object.fromEntries(WAITS.map((w) => [w, 'completed'])));
  });

  it('fails when the workflow changed what running orders did without patched()', async () => {
    const quiet = () => undefined;
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'fixtures', 'changed.workflow.ts'),
      logger: { trace: quiet, debug: quiet, info: quiet, log: quiet, warn: console.warn, error: console.error },
    });
    const verdicts = await upgrade(env, ordersAt(['payment']), releaseCode, { code });
    expect(verdicts.payment).toMatch(/Nondeterminism/i);
  });
});
