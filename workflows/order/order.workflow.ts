import {
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  BuyerActivities,
  CarrierActivities,
  DistributorActivities,
  MessageName,
  OrderView,
  PartyRef,
  PaymentGatewayActivities,
  PaymentNotice,
  PurchaseOrder,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StockInquiry,
  SupplierActivities,
  TransportAcceptance,
  TransportNotice,
  WaitingFor,
} from '../../libs/contracts/src';
import { DISTRIBUTOR, MESSAGE_STEP, PAYMENT_GATEWAY, taskQueueFor } from '../../libs/contracts/src';
import { buildConfirmation, checkStockAnswer, findShortfalls, groupByOrigin } from './decisions';
import {
  orderViewQuery,
  paymentNoticeUpdate,
  shippingQuoteUpdate,
  stockAnswerUpdate,
  transportAcceptanceUpdate,
} from './definitions';

const partyActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;

/** Task queues share one prefix per deployment; the distributor's queue tells us which. */
function queuePrefix(): string {
  const own = workflowInfo().taskQueue;
  const suffix = taskQueueFor('distributor');
  return own.endsWith(suffix) ? own.slice(0, own.length - suffix.length) : '';
}

const now = (): string => new Date().toISOString();

interface Awaited<M, A> {
  message: M;
  answer?: A;
}

/**
 * One purchase order, carried through the eight messages of the flow.
 * The distributor's worker runs it; every other party's work runs on that party's queue.
 */
export async function orderWorkflow(order: PurchaseOrder): Promise<OrderView> {
  const prefix = queuePrefix();
  const distributor = proxyLocalActivities<DistributorActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '500 milliseconds', maximumInterval: '10 seconds' },
  });
  const supplier = proxyActivities<SupplierActivities>({
    ...partyActivityOptions,
    taskQueue: taskQueueFor('supplier', prefix),
  });
  const carrier = proxyActivities<CarrierActivities>({
    ...partyActivityOptions,
    taskQueue: taskQueueFor('carrier', prefix),
  });
  const buyer = proxyActivities<BuyerActivities>({
    ...partyActivityOptions,
    taskQueue: taskQueueFor('buyer', prefix),
  });
  const gateway = proxyActivities<PaymentGatewayActivities>({
    ...partyActivityOptions,
    taskQueue: taskQueueFor('payment-gateway', prefix),
  });

  const buyerRef: PartyRef = { role: 'buyer', id: order.buyerId };
  const view: OrderView = {
    orderId: order.orderId,
    buyerId: order.buyerId,
    status: 'sourcing',
    waitingFor: [],
    updatedAt: now(),
  };
  const stockInquiries = new Map<string, Awaited<StockInquiry, StockAnswer>>();
  const shippingInquiries = new Map<string, Awaited<ShippingInquiry, ShippingQuote>>();
  const transportNotices = new Map<string, Awaited<TransportNotice, TransportAcceptance>>();
  let payment: PaymentNotice | undefined;

  setHandler(orderViewQuery, () => view);
  setHandler(
    stockAnswerUpdate,
    (answer) => {
      stockInquiries.get(answer.inquiryId)!.answer = answer;
    },
    {
      validator: (answer) => {
        const pending = expectPending(stockInquiries, answer.inquiryId, 'stock inquiry');
        if (pending.message.supplierId !== answer.supplierId) {
          throw new Error(`stock inquiry ${answer.inquiryId} was not sent to supplier ${answer.supplierId}`);
        }
        const problem = checkStockAnswer(pending.message.lines, answer);
        if (problem) throw new Error(problem);
      },
    },
  );
  setHandler(
    shippingQuoteUpdate,
    (quote) => {
      shippingInquiries.get(quote.inquiryId)!.answer = quote;
    },
    {
      validator: (quote) => {
        const pending = expectPending(shippingInquiries, quote.inquiryId, 'shipping inquiry');
        if (pending.message.carrierId !== quote.carrierId) {
          throw new Error(`shipping inquiry ${quote.inquiryId} was not sent to carrier ${quote.carrierId}`);
        }
        if (quote.price.currency !== order.currency) {
          throw new Error(`quote must be in the order's currency ${order.currency}`);
        }
      },
    },
  );
  setHandler(
    transportAcceptanceUpdate,
    (acceptance) => {
      transportNotices.get(acceptance.noticeId)!.answer = acceptance;
    },
    {
      validator: (acceptance) => {
        const pending = expectPending(transportNotices, acceptance.noticeId, 'transport notice');
        if (pending.message.carrierId !== acceptance.carrierId) {
          throw new Error(`transport notice ${acceptance.noticeId} was not sent to carrier ${acceptance.carrierId}`);
        }
      },
    },
  );
  setHandler(
    paymentNoticeUpdate,
    (notice) => {
      payment = notice;
      drop({ kind: 'payment' });
    },
    {
      validator: (notice) => {
        const due = view.confirmation?.amountDue;
        if (!due || view.status !== 'awaiting-transport-and-payment') {
          throw new Error(`order ${order.orderId} is not awaiting payment (status ${view.status})`);
        }
        if (payment) throw new Error(`order ${order.orderId} is already paid`);
        if (notice.buyerId !== order.buyerId) throw new Error('payment must come from the ordering buyer');
        if (notice.amount.currency !== due.currency || notice.amount.amountMinor !== due.amountMinor) {
          throw new Error(
            `amount must be the amount due, ${due.amountMinor} ${due.currency}; got ${notice.amount.amountMinor} ${notice.amount.currency}`,
          );
        }
      },
    },
  );

  let seq = 0;
  const record = (name: MessageName, sender: PartyRef, receiver: PartyRef, payload: unknown) =>
    distributor.recordMessage({
      orderId: order.orderId,
      seq: ++seq,
      step: MESSAGE_STEP[name],
      name,
      sender,
      receiver,
      sentAt: now(),
      payload,
    });
  const wait = (w: WaitingFor) => {
    view.waitingFor.push(w);
    view.updatedAt = now();
  };
  function drop(w: Partial<WaitingFor> & { kind: WaitingFor['kind'] }) {
    view.waitingFor = view.waitingFor.filter(
      (x) => !Object.entries(w).every(([k, v]) => (x as Record<string, unknown>)[k] === v),
    );
    view.updatedAt = now();
  }
  const finish = async (status: 'completed' | 'cancelled', reason?: string): Promise<OrderView> => {
    view.status = status;
    view.waitingFor = [];
    if (reason) view.cancellationReason = reason;
    view.updatedAt = now();
    await distributor.recordOrderStatus(order.orderId, status, view.updatedAt);
    return view;
  };

  // Step 1: the purchase order has arrived.
  await record('purchase-order', buyerRef, DISTRIBUTOR, order);
  const plan = await distributor.planSourcing(order);

  // Steps 2 and 3: one stock inquiry per supplier, all at once.
  const declined: string[] = [];
  const answers = await Promise.all(
    plan.inquiries.map(async ({ supplierId, lines }) => {
      const inquiry: StockInquiry = {
        inquiryId: uuid4(),
        orderId: order.orderId,
        supplierId,
        currency: order.currency,
        lines,
      };
      const pending: Awaited<StockInquiry, StockAnswer> = { message: inquiry };
      const supplierRef: PartyRef = { role: 'supplier', id: supplierId };
      stockInquiries.set(inquiry.inquiryId, pending);
      wait({ kind: 'stock-answer', supplierId, inquiryId: inquiry.inquiryId });
      await record('stock-inquiry', DISTRIBUTOR, supplierRef, inquiry);
      const reply = await supplier.receiveStockInquiry(inquiry);
      if (reply.mode === 'automatic') pending.answer ??= reply.answer;
      if (reply.mode === 'declined') {
        declined.push(`supplier ${supplierId}: ${reply.reason}`);
        drop({ kind: 'stock-answer', inquiryId: inquiry.inquiryId });
        return undefined;
      }
      await condition(() => pending.answer !== undefined);
      drop({ kind: 'stock-answer', inquiryId: inquiry.inquiryId });
      await record('stock-answer', supplierRef, DISTRIBUTOR, pending.answer);
      return pending.answer!;
    }),
  );
  if (declined.length > 0) return finish('cancelled', `stock inquiry declined: ${declined.join('; ')}`);
  const stockAnswers = answers as StockAnswer[];
  const shortfalls = findShortfalls(order, stockAnswers);
  if (shortfalls.length > 0) {
    const detail = shortfalls.map((s) => `line ${s.lineNo} (${s.sku}): ${s.reason}`).join('; ');
    return finish('cancelled', `not fillable as ordered: ${detail}`);
  }

  // Steps 4 and 5: one shipping inquiry per origin.
  view.status = 'quoting';
  const shipments = groupByOrigin(stockAnswers, plan.unitWeightGrams);
  const carriers = await distributor.chooseCarriers(
    shipments.map((s) => s.origin),
    order.shipTo.country,
  );
  const unserved = carriers.filter((c) => c.carrierId === null).map((c) => c.originCode);
  if (unserved.length > 0) return finish('cancelled', `no carrier serves ${unserved.join(', ')}`);
  const quotes = await Promise.all(
    shipments.map(async (shipment, i) => {
      const inquiry: ShippingInquiry = {
        inquiryId: uuid4(),
        orderId: order.orderId,
        carrierId: carriers[i].carrierId!,
        origin: shipment.origin,
        destination: order.shipTo,
        weightGrams: shipment.weightGrams,
        lineCount: shipment.lines.length,
        readyDate: shipment.readyDate,
        wantedBy: order.wantedBy,
        currency: order.currency,
      };
      const carrierRef: PartyRef = { role: 'carrier', id: inquiry.carrierId };
      const pending: Awaited<ShippingInquiry, ShippingQuote> = { message: inquiry };
      shippingInquiries.set(inquiry.inquiryId, pending);
      wait({ kind: 'shipping-quote', carrierId: inquiry.carrierId, inquiryId: inquiry.inquiryId });
      await record('shipping-inquiry', DISTRIBUTOR, carrierRef, inquiry);
      const reply = await carrier.receiveShippingInquiry(inquiry);
      if (reply.mode === 'automatic') pending.answer ??= reply.answer;
      if (reply.mode === 'declined') {
        declined.push(`carrier ${inquiry.carrierId}: ${reply.reason}`);
        drop({ kind: 'shipping-quote', inquiryId: inquiry.inquiryId });
        return undefined;
      }
      await condition(() => pending.answer !== undefined);
      drop({ kind: 'shipping-quote', inquiryId: inquiry.inquiryId });
      await record('shipping-quote', carrierRef, DISTRIBUTOR, pending.answer);
      return { shipment, quote: pending.answer!, inquiry };
    }),
  );
  if (declined.length > 0) return finish('cancelled', `shipping inquiry declined: ${declined.join('; ')}`);
  const booked = quotes as NonNullable<(typeof quotes)[number]>[];

  // Step 6: confirm to the buyer, release the goods at each supplier.
  const confirmation = buildConfirmation(
    order,
    stockAnswers,
    booked.map((b) => ({ originCode: b.shipment.origin.code, quote: b.quote })),
    now(),
  );
  view.confirmation = confirmation;
  view.status = 'awaiting-transport-and-payment';
  wait({ kind: 'payment', amountDue: confirmation.amountDue });
  const dispatches = stockAnswers.flatMap((answer) =>
    booked
      .map((b) => ({
        noticeId: uuid4(),
        orderId: order.orderId,
        supplierId: answer.supplierId,
        carrierId: b.quote.carrierId,
        pickupDate: b.quote.pickupDate,
        lines: answer.lines
          .filter((l) => l.shipFrom.code === b.shipment.origin.code)
          .map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantityCommitted })),
      }))
      .filter((notice) => notice.lines.length > 0),
  );
  await Promise.all([
    record('order-confirmation', DISTRIBUTOR, buyerRef, confirmation).then(() =>
      buyer.receiveOrderConfirmation(confirmation),
    ),
    ...dispatches.map((notice) =>
      record('dispatch-notice', DISTRIBUTOR, { role: 'supplier', id: notice.supplierId }, notice).then(() =>
        supplier.receiveDispatchNotice(notice),
      ),
    ),
  ]);

  // Step 7: book each carrier; the buyer pays. Step 8: the gateway reports the transfer.
  const transport = Promise.all(
    booked.map(async ({ shipment, quote, inquiry }) => {
      const notice: TransportNotice = {
        noticeId: uuid4(),
        orderId: order.orderId,
        carrierId: quote.carrierId,
        inquiryId: inquiry.inquiryId,
        origin: shipment.origin,
        destination: order.shipTo,
        pickupDate: quote.pickupDate,
        deliveryDate: quote.deliveryDate,
        price: quote.price,
      };
      const pending: Awaited<TransportNotice, TransportAcceptance> = { message: notice };
      transportNotices.set(notice.noticeId, pending);
      wait({ kind: 'transport-acceptance', carrierId: notice.carrierId, noticeId: notice.noticeId });
      await record('transport-notice', DISTRIBUTOR, { role: 'carrier', id: notice.carrierId }, notice);
      const reply = await carrier.receiveTransportNotice(notice);
      if (reply.mode === 'automatic') pending.answer ??= reply.answer;
      await condition(() => pending.answer !== undefined);
      drop({ kind: 'transport-acceptance', noticeId: notice.noticeId });
      return pending.answer!;
    }),
  );
  const settlement = (async () => {
    await condition(() => payment !== undefined);
    await record('payment-notice', buyerRef, PAYMENT_GATEWAY, payment);
    const transfer = await gateway.receivePaymentNotice(payment!);
    await record('transfer-notice', PAYMENT_GATEWAY, DISTRIBUTOR, transfer);
    view.transfer = transfer;
  })();
  await Promise.all([transport, settlement]);
  return finish('completed');
}

function expectPending<M, A>(map: Map<string, Awaited<M, A>>, id: string, what: string): Awaited<M, A> {
  const pending = map.get(id);
  if (!pending) throw new Error(`no ${what} ${id} is open on this order`);
  if (pending.answer) throw new Error(`${what} ${id} is already answered`);
  return pending;
}
