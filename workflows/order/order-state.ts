import type {
  OrderView,
  PartyRef,
  PartyTerms,
  PaymentNotice,
  PurchaseOrder,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StockInquiry,
  TransferNotice,
  TransportAcceptance,
  TransportNotice,
  TransportRejection,
  WaitingFor,
} from '../../libs/contracts/src';
import { isoNow } from './clock';
import type { BuyerDecision, CancelRequest, CompensationResolution } from './definitions';

/** A message sent to a party and the answer it may bring; `closed` once the order stopped listening. */
export interface Pending<M, A> {
  message: M;
  answer?: A;
  closed?: boolean;
}

/** The order was called off, by the buyer or by the flow; everything done so far is undone. */
export class OrderCancelled extends Error {}

/**
 * What one running order knows: its view (what the parties and auditors see), the messages it
 * waits on an answer to, and what people sent it. The update handlers write here; the steps read.
 */
export class OrderState {
  readonly buyerRef: PartyRef;
  readonly view: OrderView;
  readonly stockInquiries = new Map<string, Pending<StockInquiry, StockAnswer>>();
  readonly shippingInquiries = new Map<string, Pending<ShippingInquiry, ShippingQuote>>();
  readonly transportNotices = new Map<string, Pending<TransportNotice, TransportAcceptance | TransportRejection>>();
  readonly resolutions = new Map<string, CompensationResolution>();
  payment?: PaymentNotice;
  transfer?: TransferNotice;
  cancelRequest?: CancelRequest;
  /** Once the goods are released for dispatch the buyer can no longer call the order off. */
  dispatched = false;
  buyerQuestions = 0;
  lastDecision?: BuyerDecision & { round: number };
  /** the decision last written to the log, so that one answering several questions is written once */
  loggedDecision?: BuyerDecision & { round: number };
  /** Each party's terms, read when the order first waits for it, so one order runs under one set. */
  readonly terms = new Map<string, PartyTerms>();

  constructor(readonly order: PurchaseOrder) {
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
  }

  wait(w: WaitingFor): void {
    this.view.waitingFor.push(w);
    this.touch();
  }

  drop(w: WaitingFor): void {
    this.view.waitingFor = this.view.waitingFor.filter((x) => x !== w);
    this.touch();
  }

  get waiting(): boolean {
    return this.view.waitingFor.length > 0;
  }

  touch(): void {
    this.view.updatedAt = isoNow();
  }

  /** Terms read along with another step (the sourcing plan, the carrier choice). */
  keepTerms(terms: PartyTerms[] = []): void {
    for (const t of terms) if (!this.terms.has(termsKey(t.role, t.partyId))) this.terms.set(termsKey(t.role, t.partyId), t);
  }
}

export const termsKey = (role: string, id: string): string => `${role}:${id}`;
