import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type {
  BuyerActivities,
  CarrierActivities,
  DistributorActivities,
  OrderView,
  PartialFillPolicy,
  PartyTerms,
  PaymentGatewayActivities,
  PurchaseOrder,
  RecordedMessage,
  Reply,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StockInquiry,
  SupplierActivities,
  TransportNotice,
} from '../../libs/contracts/src';
import { orderViewQuery, paymentNoticeUpdate, transferNoticeUpdate } from '../../workflows/order/definitions';
import { workflowSpanSinks } from '../../libs/platform/src/observability/tracing/temporal-tracing';

/**
 * The order workflow with every party mocked, on Temporal's time-skipping server: for the
 * workflow's own tests and for driving an order down one path so that its history can be saved.
 * Suppliers s1 (DE) and s2 (SE) both offer every SKU, s1 first unless the SKU says SE; carriers
 * c1 and c2 serve every origin, c1 cheaper.
 */
export const HOUR = 3600_000;

export const purchaseOrder = (lines: [string, number][], partialFill: PartialFillPolicy = 'cancel'): PurchaseOrder => ({
  orderId: randomUUID(),
  buyerId: 'b1',
  lines: lines.map(([sku, quantity], i) => ({ lineNo: i + 1, sku, quantity })),
  shipTo: { name: 'B1', line1: 'Street 1', city: 'Köln', postalCode: '50667', country: 'DE' },
  wantedBy: '2030-01-31',
  currency: 'EUR',
  partialFill,
  submittedAt: '2030-01-01T00:00:00.000Z',
});

export const answerTo = (inquiry: StockInquiry, answeredBy = 'automatic', commit = (q: number) => q): StockAnswer => ({
  inquiryId: inquiry.inquiryId,
  orderId: inquiry.orderId,
  supplierId: inquiry.supplierId,
  answeredBy,
  currency: inquiry.currency,
  lines: inquiry.lines.map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    available: commit(l.quantity) > 0,
    quantityCommitted: commit(l.quantity),
    unitPriceMinor: 100,
    shipFrom: inquiry.supplierId === 's2' ? { code: 'SE-GOT', country: 'SE' } : { code: 'DE-HAM', country: 'DE' },
    readyDate: '2030-01-05',
  })),
});

export const quoteFor = (inquiry: ShippingInquiry, quotedBy = 'automatic'): ShippingQuote => ({
  inquiryId: inquiry.inquiryId,
  orderId: inquiry.orderId,
  carrierId: inquiry.carrierId,
  quotedBy,
  pickupDate: '2030-01-06',
  deliveryDate: '2030-01-09',
  route: `${inquiry.origin.code} → DE`,
  mode: 'road',
  price: { amountMinor: inquiry.carrierId === 'c1' ? 5000 : 7000, currency: 'EUR' },
  // Far ahead: the test server's clock moves on as tests skip time.
  validUntil: '9999-12-31T00:00:00.000Z',
});

export const acceptanceOf = (notice: TransportNotice, acceptedBy = 'automatic') => ({
  noticeId: notice.noticeId,
  orderId: notice.orderId,
  carrierId: notice.carrierId,
  acceptedBy,
  acceptedAt: '2030-01-02T00:00:00.000Z',
});

export interface Parties {
  supplier: jest.Mocked<SupplierActivities>;
  carrier: jest.Mocked<CarrierActivities>;
  buyer: jest.Mocked<BuyerActivities>;
  gateway: jest.Mocked<PaymentGatewayActivities>;
  placeBackOrder: jest.Mock;
  messages: RecordedMessage[];
  statuses: string[];
  /** every compensation, in the order it ran */
  undone: string[];
  /** per party id, terms that differ from the defaults (24 h, reminder 4 h before, next candidate) */
  terms: Partial<Record<string, Partial<PartyTerms>>>;
}

/** Every party answers automatically unless a test says otherwise. */
export function automaticParties(): Parties {
  const undone: string[] = [];
  return {
    messages: [],
    statuses: [],
    undone,
    terms: {},
    placeBackOrder: jest.fn(async () => 'back-order-1'),
    supplier: {
      receiveStockInquiry: jest.fn(async (inquiry: StockInquiry): Promise<Reply<StockAnswer>> => ({ mode: 'automatic', answer: answerTo(inquiry) })),
      receiveDispatchNotice: jest.fn(async () => undefined),
      withdrawStockInquiry: jest.fn(async (id: string) => void undone.push(`withdraw-stock ${id}`)),
      recallDispatchNotice: jest.fn(async (id: string) => void undone.push(`recall-dispatch ${id}`)),
      remind: jest.fn(async () => undefined),
    } as unknown as jest.Mocked<SupplierActivities>,
    carrier: {
      receiveShippingInquiry: jest.fn(async (inquiry: ShippingInquiry): Promise<Reply<ShippingQuote>> => ({ mode: 'automatic', answer: quoteFor(inquiry) })),
      receiveTransportNotice: jest.fn(async (notice: TransportNotice) => ({ mode: 'automatic' as const, answer: acceptanceOf(notice) })),
      withdrawShippingInquiry: jest.fn(async (id: string) => void undone.push(`withdraw-shipping ${id}`)),
      cancelTransport: jest.fn(async (id: string) => void undone.push(`cancel-transport ${id}`)),
      remind: jest.fn(async () => undefined),
    } as unknown as jest.Mocked<CarrierActivities>,
    buyer: {
      receiveOrderConfirmation: jest.fn(async () => undefined),
      remind: jest.fn(async () => undefined),
    } as unknown as jest.Mocked<BuyerActivities>,
    gateway: {
      receivePaymentNotice: jest.fn(async () => ({ status: 'accepted' as const, paymentId: 'p1' })),
      refundPayment: jest.fn(async (orderId: string) => {
        undone.push(`refund ${orderId}`);
        return null;
      }),
    } as unknown as jest.Mocked<PaymentGatewayActivities>,
  };
}

function distributorOf(p: Parties): DistributorActivities {
  return {
    recordMessages: async (ms, close) => {
      p.messages.push(...ms);
      if (close) p.statuses.push(close.status);
      return null;
    },
    planSourcing: async (o) => ({
      lines: o.lines.map((l) => ({ ...l, candidates: l.sku.startsWith('SE') ? ['s2', 's1'] : ['s1', 's2'] })),
      unitWeightGrams: Object.fromEntries(o.lines.map((l) => [l.sku, 1000])),
    }),
    chooseCarriers: async (origins) => origins.map((o) => ({ originCode: o.code, carrierIds: ['c2', 'c1'] })),
    partyTerms: async (refs) =>
      refs.map((r) => ({
        role: r.role,
        partyId: r.id,
        answerWithinMs: 24 * HOUR,
        remindBeforeMs: 4 * HOUR,
        onDeadline: r.role === 'buyer' ? 'cancel' : 'next-candidate',
        ...p.terms[r.id],
      })),
    placeBackOrder: p.placeBackOrder,
    reportStuckCompensation: async () => undefined,
    clearStuckCompensation: async () => undefined,
  };
}

export type WorkflowBundle = { code: string } | { codePath: string };

/** The workflow bundle of this commit, built by the test setup. */
export const currentBundle = (): WorkflowBundle => ({ codePath: process.env.WORKFLOW_BUNDLE_PATH! });

export interface PartyWorkers {
  /** starts an order on the distributor's queue */
  start(order: PurchaseOrder): Promise<WorkflowHandle>;
  /** handle of an order started before, e.g. by workers of another bundle */
  handle(order: PurchaseOrder): WorkflowHandle;
  /** stops every worker and waits until they are down */
  stop(): Promise<void>;
}

/**
 * Runs the distributor's worker on `bundle` and every other party's worker with the mocked
 * activities, on task queues named after `prefix`. Orders start on a plain client: the
 * time-skipping one lets time run free while it awaits a result, and deadlines would then pass
 * behind the test's back. Here time moves only by env.sleep().
 */
export async function startPartyWorkers(
  env: TestWorkflowEnvironment,
  p: Parties,
  prefix: string,
  bundle: WorkflowBundle = currentBundle(),
  /** 0 keeps no order in the worker's cache, so the server hands no task to a sticky queue that may be gone */
  maxCachedWorkflows?: number,
): Promise<PartyWorkers> {
  const worker = (queue: string, activities: object, workflows = false) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: `${prefix}${queue}`,
      activities,
      // The bundle's interceptors export the order's spans through this sink (dropped: no tracing here).
      ...(workflows ? { workflowBundle: bundle, sinks: workflowSpanSinks('tradelane-distributor'), ...(maxCachedWorkflows !== undefined ? { maxCachedWorkflows } : {}) } : {}),
    });
  const workers = await Promise.all([
    worker('distributor', distributorOf(p), true),
    worker('supplier', p.supplier),
    worker('carrier', p.carrier),
    worker('buyer', p.buyer),
    worker('payment-gateway', p.gateway),
  ]);
  const running = workers.map((w) => w.run());
  const client = new Client({ connection: env.connection });
  return {
    start: (order) =>
      client.workflow.start('orderWorkflow', { workflowId: `order:${order.orderId}`, taskQueue: `${prefix}distributor`, args: [order] }),
    handle: (order) => client.workflow.getHandle(`order:${order.orderId}`),
    stop: async () => {
      workers.forEach((w) => w.shutdown());
      await Promise.all(running);
    },
  };
}

/** Runs the parties' workers while `body` starts and drives orders. */
export async function runOrders<T>(
  env: TestWorkflowEnvironment,
  p: Parties,
  body: (start: (order: PurchaseOrder) => Promise<WorkflowHandle>) => Promise<T>,
): Promise<T> {
  const workers = await startPartyWorkers(env, p, `wf-${randomUUID().slice(0, 8)}-`);
  try {
    return await body(workers.start);
  } finally {
    await workers.stop();
  }
}

export function runOrder<T>(
  env: TestWorkflowEnvironment,
  p: Parties,
  order: PurchaseOrder,
  body: (handle: WorkflowHandle) => Promise<T>,
): Promise<T> {
  return runOrders(env, p, async (start) => body(await start(order)));
}

/** Polls the order's view; queries do not move the test server's clock. */
export async function until(handle: WorkflowHandle, ok: (v: OrderView) => boolean): Promise<OrderView> {
  for (let i = 0; i < 300; i++) {
    const view = await handle.query(orderViewQuery);
    if (ok(view)) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`order never reached the expected state: ${JSON.stringify(await handle.query(orderViewQuery))}`);
}

export const waitingFor = (kind: OrderView['waitingFor'][number]['kind']) => (v: OrderView) => v.waitingFor.some((w) => w.kind === kind);

/** The goods are released once a carrier accepted; the payment runs beside that. */
export const released = (handle: WorkflowHandle, p: Parties) =>
  until(handle, () => p.supplier.receiveDispatchNotice.mock.calls.length > 0);

/**
 * Ends a test's order once no activity of it is in flight: the time-skipping server does not
 * skip time while it counts an activity as running.
 */
export async function stop(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; i < 200 && (await handle.describe()).raw.pendingActivities?.length; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await handle.terminate('test done');
}

/** The buyer pays the amount due and the gateway's transfer notice arrives: the order completes. */
export async function payAndSettle(handle: WorkflowHandle, order: PurchaseOrder): Promise<void> {
  const view = await until(handle, waitingFor('payment'));
  const amount = view.confirmation!.amountDue;
  await handle.executeUpdate(paymentNoticeUpdate, {
    args: [{ orderId: order.orderId, buyerId: order.buyerId, amount, paymentReference: 'r', paidBy: 'maria' }],
  });
  await until(handle, waitingFor('transfer-notice'));
  await handle.executeUpdate(transferNoticeUpdate, {
    args: [{ eventId: 'e1', transferId: 't1', orderId: order.orderId, paymentId: 'p1', amount, transferredAt: '2030-01-03T00:00:00.000Z' }],
  });
}
