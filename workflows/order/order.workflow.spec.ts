import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type {
  BuyerActivities,
  CarrierActivities,
  DistributorActivities,
  OrderView,
  PaymentGatewayActivities,
  PurchaseOrder,
  RecordedMessage,
  Reply,
  StockAnswer,
  StockInquiry,
  SupplierActivities,
} from '../../libs/contracts/src';
import { orderViewQuery, paymentNoticeUpdate, stockAnswerUpdate } from './definitions';

/**
 * The workflow's decisions, with every party's activities mocked, on the test run's real
 * Temporal server (the SDK's own test servers would have to be downloaded).
 */
describe('orderWorkflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const order = (lines: [string, number][]): PurchaseOrder => ({
    orderId: randomUUID(),
    buyerId: 'b1',
    lines: lines.map(([sku, quantity], i) => ({ lineNo: i + 1, sku, quantity })),
    shipTo: { name: 'B1', line1: 'Street 1', city: 'Köln', postalCode: '50667', country: 'DE' },
    wantedBy: '2030-01-31',
    currency: 'EUR',
    submittedAt: '2030-01-01T00:00:00.000Z',
  });

  const fullAnswer = (inquiry: StockInquiry, commit = (q: number) => q): StockAnswer => ({
    inquiryId: inquiry.inquiryId,
    orderId: inquiry.orderId,
    supplierId: inquiry.supplierId,
    answeredBy: 'automatic',
    currency: inquiry.currency,
    lines: inquiry.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      available: commit(l.quantity) > 0,
      quantityCommitted: commit(l.quantity),
      unitPriceMinor: 100,
      shipFrom: { code: inquiry.supplierId === 's1' ? 'DE-HAM' : 'SE-GOT', country: inquiry.supplierId === 's1' ? 'DE' : 'SE' },
      readyDate: '2030-01-05',
    })),
  });

  interface Parties {
    supplier: SupplierActivities;
    carrier: CarrierActivities;
    buyer: BuyerActivities;
    gateway: PaymentGatewayActivities;
    messages: RecordedMessage[];
    statuses: string[];
  }

  function parties(overrides: Partial<Parties> = {}): Parties {
    const messages: RecordedMessage[] = [];
    const statuses: string[] = [];
    return {
      messages,
      statuses,
      supplier: {
        receiveStockInquiry: jest.fn(async (inquiry: StockInquiry): Promise<Reply<StockAnswer>> => ({
          mode: 'automatic',
          answer: fullAnswer(inquiry),
        })),
        receiveDispatchNotice: jest.fn(async () => undefined),
      },
      carrier: {
        receiveShippingInquiry: jest.fn(async (inquiry) => ({
          mode: 'automatic' as const,
          answer: {
            inquiryId: inquiry.inquiryId,
            orderId: inquiry.orderId,
            carrierId: inquiry.carrierId,
            quotedBy: 'automatic',
            pickupDate: '2030-01-06',
            deliveryDate: '2030-01-09',
            route: 'x',
            mode: 'road' as const,
            price: { amountMinor: 5000, currency: 'EUR' },
            validUntil: '2030-01-10',
          },
        })),
        receiveTransportNotice: jest.fn(async (notice) => ({
          mode: 'automatic' as const,
          answer: { noticeId: notice.noticeId, orderId: notice.orderId, carrierId: notice.carrierId, acceptedBy: 'automatic', acceptedAt: 'now' },
        })),
      },
      buyer: { receiveOrderConfirmation: jest.fn(async () => undefined) },
      gateway: {
        receivePaymentNotice: jest.fn(async (notice) => ({
          transferId: 't1',
          orderId: notice.orderId,
          paymentId: 'p1',
          amount: notice.amount,
          transferredAt: 'now',
        })),
      },
      ...overrides,
    };
  }

  async function run<T>(p: Parties, body: (prefix: string) => Promise<T>): Promise<T> {
    const prefix = `wf-${randomUUID().slice(0, 8)}-`;
    const distributor: DistributorActivities = {
      recordMessage: async (m) => {
        p.messages.push(m);
      },
      planSourcing: async (o) => {
        const bySupplier = new Map<string, { lineNo: number; sku: string; quantity: number }[]>();
        for (const l of o.lines) {
          const supplierId = l.sku.startsWith('SE') ? 's2' : 's1';
          bySupplier.set(supplierId, [...(bySupplier.get(supplierId) ?? []), l]);
        }
        return {
          inquiries: [...bySupplier].map(([supplierId, lines]) => ({ supplierId, lines })),
          unitWeightGrams: Object.fromEntries(o.lines.map((l) => [l.sku, 1000])),
        };
      },
      chooseCarriers: async (origins) => origins.map((o) => ({ originCode: o.code, carrierId: `c-${o.country}` })),
      recordOrderStatus: async (_id, status) => {
        p.statuses.push(status);
      },
    };
    const workers = await Promise.all([
      Worker.create({
        connection: env.nativeConnection,
        taskQueue: `${prefix}distributor`,
        workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! },
        activities: distributor,
      }),
      Worker.create({ connection: env.nativeConnection, taskQueue: `${prefix}supplier`, activities: p.supplier }),
      Worker.create({ connection: env.nativeConnection, taskQueue: `${prefix}carrier`, activities: p.carrier }),
      Worker.create({ connection: env.nativeConnection, taskQueue: `${prefix}buyer`, activities: p.buyer }),
      Worker.create({ connection: env.nativeConnection, taskQueue: `${prefix}payment-gateway`, activities: p.gateway }),
    ]);
    const [first, ...rest] = workers;
    return first.runUntil(async () => {
      const others = rest.map((w) => w.run());
      try {
        return await body(prefix);
      } finally {
        rest.forEach((w) => w.shutdown());
        await Promise.all(others);
      }
    });
  }

  const start = (prefix: string, o: PurchaseOrder) =>
    env.client.workflow.start('orderWorkflow', {
      workflowId: `order:${o.orderId}`,
      taskQueue: `${prefix}distributor`,
      args: [o],
    });

  const until = async (handle: { query: (q: typeof orderViewQuery) => Promise<OrderView> }, ok: (v: OrderView) => boolean) => {
    for (let i = 0; i < 200; i++) {
      const view = await handle.query(orderViewQuery);
      if (ok(view)) return view;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('order never reached the expected state');
  };

  it('splits lines by supplier and origin, confirms goods plus freight, and completes once paid', async () => {
    const p = parties();
    const o = order([['DE-BOLT', 10], ['SE-GEAR', 3], ['DE-NUT', 5]]);
    const final = await run(p, async (prefix) => {
      const handle = await start(prefix, o);
      const confirmed = await until(handle, (v) => v.status === 'awaiting-transport-and-payment' && v.waitingFor.length === 1);
      // 18 units at 100 plus two freights of 5000.
      expect(confirmed.confirmation!.amountDue).toEqual({ amountMinor: 1800 + 10000, currency: 'EUR' });
      expect(confirmed.waitingFor).toEqual([{ kind: 'payment', amountDue: { amountMinor: 11800, currency: 'EUR' } }]);
      await handle.executeUpdate(paymentNoticeUpdate, {
        args: [{ orderId: o.orderId, buyerId: 'b1', amount: { amountMinor: 11800, currency: 'EUR' }, paymentReference: 'r', paidBy: 'x' }],
      });
      return handle.result();
    });
    expect(final.status).toBe('completed');
    expect(p.supplier.receiveStockInquiry).toHaveBeenCalledTimes(2);
    expect(p.carrier.receiveShippingInquiry).toHaveBeenCalledTimes(2);
    expect(p.supplier.receiveDispatchNotice).toHaveBeenCalledTimes(2);
    expect(p.gateway.receivePaymentNotice).toHaveBeenCalledTimes(1);
    expect(p.messages.map((m) => m.seq)).toEqual(p.messages.map((_, i) => i + 1));
    expect(p.messages.map((m) => m.step)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8]);
    expect(p.statuses).toEqual(['completed']);
  });

  it('refuses a payment that is not the amount due, and keeps waiting', async () => {
    const p = parties();
    const o = order([['DE-BOLT', 1]]);
    await run(p, async (prefix) => {
      const handle = await start(prefix, o);
      await until(handle, (v) => v.status === 'awaiting-transport-and-payment' && v.waitingFor.length === 1);
      const pay = (amountMinor: number) =>
        handle.executeUpdate(paymentNoticeUpdate, {
          args: [{ orderId: o.orderId, buyerId: 'b1', amount: { amountMinor, currency: 'EUR' }, paymentReference: 'r', paidBy: 'x' }],
        });
      await expect(pay(99)).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      expect((await handle.query(orderViewQuery)).status).toBe('awaiting-transport-and-payment');
      expect(p.gateway.receivePaymentNotice).not.toHaveBeenCalled();
      await pay(5100);
      expect((await handle.result()).status).toBe('completed');
    });
  });

  it("waits for a person's stock answer and refuses one that commits more than asked", async () => {
    const p = parties();
    p.supplier.receiveStockInquiry = jest.fn(async () => ({ mode: 'manual' as const }));
    const o = order([['DE-BOLT', 4]]);
    await run(p, async (prefix) => {
      const handle = await start(prefix, o);
      const waiting = await until(handle, (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      const inquiryId = (waiting.waitingFor[0] as { inquiryId: string }).inquiryId;
      const inquiry: StockInquiry = { inquiryId, orderId: o.orderId, supplierId: 's1', currency: 'EUR', lines: [{ lineNo: 1, sku: 'DE-BOLT', quantity: 4 }] };
      await expect(
        handle.executeUpdate(stockAnswerUpdate, { args: [fullAnswer(inquiry, () => 5)] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(
        handle.executeUpdate(stockAnswerUpdate, { args: [{ ...fullAnswer(inquiry), supplierId: 's2' }] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      expect((await handle.query(orderViewQuery)).status).toBe('sourcing');
      await handle.executeUpdate(stockAnswerUpdate, { args: [{ ...fullAnswer(inquiry), answeredBy: 'clerk' }] });
      await until(handle, (v) => v.status === 'awaiting-transport-and-payment');
      const answer = p.messages.find((m) => m.name === 'stock-answer')!;
      expect((answer.payload as StockAnswer).answeredBy).toBe('clerk');
      await handle.terminate('test done');
    });
  });

  it('cancels without dispatching anything when a line cannot be filled in full', async () => {
    const p = parties();
    p.supplier.receiveStockInquiry = jest.fn(async (inquiry: StockInquiry) => ({
      mode: 'automatic' as const,
      answer: fullAnswer(inquiry, (q) => q - 1),
    }));
    const o = order([['DE-BOLT', 10]]);
    const final = await run(p, async (prefix) => (await start(prefix, o)).result());
    expect(final.status).toBe('cancelled');
    expect(final.cancellationReason).toContain('asked 10, committed 9');
    expect(p.carrier.receiveShippingInquiry).not.toHaveBeenCalled();
    expect(p.supplier.receiveDispatchNotice).not.toHaveBeenCalled();
    expect(p.statuses).toEqual(['cancelled']);
  });

  it('cancels when a carrier declines to quote', async () => {
    const p = parties();
    p.carrier.receiveShippingInquiry = jest.fn(async () => ({ mode: 'declined' as const, reason: 'no lane' }));
    const final = await run(p, async (prefix) => (await start(prefix, order([['DE-BOLT', 1]]))).result());
    expect(final.status).toBe('cancelled');
    expect(final.cancellationReason).toContain('no lane');
    expect(p.buyer.receiveOrderConfirmation).not.toHaveBeenCalled();
  });
});
