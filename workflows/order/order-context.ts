import { ActivityCancellationType, CancellationScope, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  BuyerActivities,
  CarrierActivities,
  DistributorActivities,
  MessageName,
  OrderClosing,
  OrderEventName,
  OrderView,
  PartyRef,
  PartyTerms,
  PaymentGatewayActivities,
  PaymentNotice,
  PurchaseOrder,
  RecordedMessage,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StockInquiry,
  SupplierActivities,
  TransferNotice,
  TransportAcceptance,
  TransportNotice,
  TransportRejection,
  WaitingFor,
} from '../../libs/contracts/src';
import { MESSAGE_STEP, taskQueueFor } from '../../libs/contracts/src';
import { Compensations } from './compensations';
import { distributorSteps, type DistributorSteps } from './distributor-steps';
import type { BuyerDecision, CancelRequest, CompensationResolution } from './definitions';

/** A message sent to a party and the answer it may bring; `closed` once the order stopped listening. */
export interface Pending<M, A> {
  message: M;
  answer?: A;
  closed?: boolean;
}

/** The order was called off, by the buyer or by the flow; everything done so far is undone. */
export class OrderCancelled extends Error {}

// The workflow waits for an activity to finish even when cancelled, so nothing it does
// can land after the compensation that undoes it.
const waitForCancel = { cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED } as const;

const partyActivityOptions = {
  ...waitForCancel,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;

/** Compensations retry for about an hour; what still fails then goes to an operator. */
const compensationOptions = {
  ...waitForCancel,
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 15,
    nonRetryableErrorTypes: ['CompensationImpossible'] as string[],
  },
} as const;

/** Task queues share one prefix per deployment; the distributor's queue tells us which. */
function queuePrefix(): string {
  const own = workflowInfo().taskQueue;
  const suffix = taskQueueFor('distributor');
  return own.endsWith(suffix) ? own.slice(0, own.length - suffix.length) : '';
}

function partyProxies<T>(role: 'supplier' | 'carrier' | 'buyer' | 'payment-gateway', prefix: string) {
  return {
    forward: proxyActivities<T>({ ...partyActivityOptions, taskQueue: taskQueueFor(role, prefix) }),
    undo: proxyActivities<T>({ ...compensationOptions, taskQueue: taskQueueFor(role, prefix) }),
  };
}

/** Entries an order keeps before writing them even though it is not waiting. */
const LOG_BATCH_LIMIT = 100;

export const isoNow = (): string => new Date().toISOString();

/** Everything one running order knows; shared by its steps and its update handlers. */
export class OrderContext {
  readonly distributor: DistributorActivities;
  readonly supplier;
  readonly carrier;
  readonly buyer;
  readonly gateway;
  readonly compensations: Compensations;
  readonly buyerRef: PartyRef;
  readonly view: OrderView;

  readonly stockInquiries = new Map<string, Pending<StockInquiry, StockAnswer>>();
  readonly shippingInquiries = new Map<string, Pending<ShippingInquiry, ShippingQuote>>();
  readonly transportNotices = new Map<string, Pending<TransportNotice, TransportAcceptance | TransportRejection>>();
  payment?: PaymentNotice;
  transfer?: TransferNotice;
  cancelRequest?: CancelRequest;
  /** Once the goods are released for dispatch the buyer can no longer call the order off. */
  dispatched = false;
  buyerQuestions = 0;
  lastDecision?: BuyerDecision & { round: number };
  readonly resolutions = new Map<string, CompensationResolution>();

  private seq = 0;
  private written: Promise<void> = Promise.resolve();
  /** Orders started before log batching write and wait for each entry on its own. */
  private readonly logInBatches: boolean;
  /** The distributor's own steps run as local activities (see distributor-steps.ts). */
  private readonly localSteps: boolean;
  private readonly ownSteps: DistributorSteps;
  private closing?: OrderClosing;
  private readonly unwritten: RecordedMessage[] = [];
  private flushing?: Promise<void>;
  private readonly terms = new Map<string, PartyTerms>();

  constructor(readonly order: PurchaseOrder) {
    // Orders started while every distributor step was a normal activity replay that way.
    this.localSteps = patched('distributor-local-steps');
    this.logInBatches = this.changed('order-log-batches');
    this.ownSteps = distributorSteps(this.localSteps);
    this.distributor = this.ownSteps.steps;
    const prefix = queuePrefix();
    this.supplier = partyProxies<SupplierActivities>('supplier', prefix);
    this.carrier = partyProxies<CarrierActivities>('carrier', prefix);
    this.buyer = partyProxies<BuyerActivities>('buyer', prefix);
    this.gateway = partyProxies<PaymentGatewayActivities>('payment-gateway', prefix);
    this.buyerRef = { role: 'buyer', id: order.buyerId };
    this.view = {
      orderId: order.orderId,
      buyerId: order.buyerId,
      status: 'sourcing',
      waitingFor: [],
      bookings: [],
      compensations: [],
      updatedAt: isoNow(),
    };
    this.compensations = new Compensations(this);
  }

  /**
   * Writes a message of the flow, or an event, to the order log in the order it happened.
   * Entries are written one after another, never cancelled, so that each one can chain the
   * hash of the one before it (the log is tamper-evident for auditors).
   */
  record(name: MessageName | OrderEventName, sender: PartyRef, receiver: PartyRef, payload: unknown): Promise<void> {
    const entry = {
      orderId: this.order.orderId,
      seq: ++this.seq,
      step: name in MESSAGE_STEP ? MESSAGE_STEP[name as MessageName] : null,
      name,
      sender,
      receiver,
      sentAt: isoNow(),
      payload,
    };
    if (this.logInBatches) {
      // The order goes on at once and entries are written in batches (issue 6). With local steps
      // (each write is a marker in the history) the entries of a stretch that runs on by itself
      // are written once the order starts to wait or ends; while it waits, which may last, at the
      // end of the workflow task. Otherwise as entries come, those gathered meanwhile in the next.
      this.unwritten.push(entry);
      const waiting = this.view.waitingFor.length > 0;
      if (!this.localSteps || waiting || this.unwritten.length >= LOG_BATCH_LIMIT) this.flushing ??= this.flushLog();
      return Promise.resolve();
    }
    const written = this.written.then(() =>
      CancellationScope.nonCancellable(() => this.distributor.recordMessage(entry)),
    );
    this.written = written;
    return written;
  }

  private async flushLog(): Promise<void> {
    try {
      // Whatever the rest of this workflow task records goes in the same write.
      if (this.localSteps) await this.ownSteps.settled();
      while (this.unwritten.length > 0 || this.closing) {
        // The batch is taken when its write starts: entries recorded meanwhile go with it.
        await CancellationScope.nonCancellable(() =>
          this.ownSteps.inTurn((steps) => {
            const close = this.closing;
            this.closing = undefined;
            const batch = this.unwritten.splice(0);
            return close ? steps.recordMessages(batch, close) : steps.recordMessages(batch);
          }),
        );
      }
    } finally {
      this.flushing = undefined;
    }
  }

  /** The order has ended: the rest of its log and its final status, in one write where the order began with local steps. */
  async closeLog(status: 'completed' | 'cancelled'): Promise<void> {
    if (!this.localSteps) {
      await this.logWritten();
      await this.distributor.recordOrderStatus(this.order.orderId, status, this.view.updatedAt);
      return;
    }
    this.closing = { orderId: this.order.orderId, status, at: this.view.updatedAt };
    this.flushing ??= this.flushLog();
    await this.logWritten();
  }

  /**
   * Whether the order began on code with the given change. Orders that began with local steps
   * have every change made before them, and no marker for each one in their history.
   */
  changed(patchId: string): boolean {
    return this.localSteps || patched(patchId);
  }

  /** Resolves once every entry recorded so far is in the order log. */
  async logWritten(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.written;
  }

  wait(w: WaitingFor): void {
    this.view.waitingFor.push(w);
    this.touch();
    if (this.localSteps && this.unwritten.length > 0) this.flushing ??= this.flushLog();
  }

  drop(w: WaitingFor): void {
    this.view.waitingFor = this.view.waitingFor.filter((x) => x !== w);
    this.touch();
  }

  touch(): void {
    this.view.updatedAt = isoNow();
  }

  /** Terms read along with another step (the sourcing plan, the carrier choice), kept like those read on their own. */
  keepTerms(terms: PartyTerms[] = []): void {
    for (const t of terms) if (!this.terms.has(`${t.role}:${t.partyId}`)) this.terms.set(`${t.role}:${t.partyId}`, t);
  }

  /** Read when the order first waits for the party, then kept, so one order runs under one set of terms. */
  async termsOf(party: PartyRef): Promise<PartyTerms> {
    const key = `${party.role}:${party.id}`;
    if (!this.terms.has(key)) {
      const [terms] = await this.distributor.partyTerms([party]);
      this.terms.set(key, terms);
    }
    return this.terms.get(key)!;
  }
}
