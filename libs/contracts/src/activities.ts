import type {
  DispatchNotice,
  Location,
  OrderConfirmation,
  PaymentNotice,
  PaymentOutcome,
  PurchaseOrder,
  PurchaseOrderLine,
  RecordedMessage,
  Reminder,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StockInquiry,
  TransportAcceptance,
  TransportNotice,
} from './messages';
import type { Money } from './money';
import type { PartyRef, PartyRole } from './parties';

/**
 * The activity interfaces of each party. The workflow imports these as types only;
 * each party's service implements its own and runs them on its own task queue.
 */

/** Each line with the suppliers that may fill it, best first (enough stock, lowest price, earliest ready). */
export interface SourcedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  priceCeilingMinor?: number;
  candidates: string[];
}

export interface SourcingPlan {
  lines: SourcedLine[];
  unitWeightGrams: Record<string, number>;
  /** The terms of every candidate supplier, read with the plan so the order needs no lookup of its own. */
  terms?: PartyTerms[];
}

/** Every carrier that serves the route from one origin, in the distributor's order of preference. */
export interface CarrierChoice {
  originCode: string;
  carrierIds: string[];
  /** The terms of those carriers, read with the choice. */
  terms?: PartyTerms[];
}

/** What happens when a party's deadline passes. */
export type DeadlineEscalation = 'next-candidate' | 'ask-buyer' | 'cancel';

/** How long a party has to answer, when it is reminded, and what happens then. Durations in ms. */
export interface PartyTerms {
  role: PartyRole;
  partyId: string;
  answerWithinMs: number;
  remindBeforeMs: number;
  onDeadline: DeadlineEscalation;
}

export type CompensationKind =
  | 'withdraw-stock-inquiry'
  | 'withdraw-shipping-inquiry'
  | 'recall-dispatch'
  | 'cancel-transport'
  | 'refund-payment';

/** A compensation that kept failing; it waits for an operator. */
export interface StuckCompensation {
  orderId: string;
  compensationId: string;
  kind: CompensationKind;
  party: PartyRef;
  subjectId: string;
  error: string;
  stuckAt: string;
}

/** How an order ended, written with the last of its log. */
export interface OrderClosing {
  orderId: string;
  status: string;
  at: string;
}

/**
 * The last entry of an order's log after a write. Returned by recordMessages so that it lands in
 * the workflow's history, a store the distributor's database admin does not hold (the audit's anchor).
 */
export interface OrderLogHead {
  orderId: string;
  seq: number;
  hash: string;
}

export interface DistributorActivities {
  /**
   * Several consecutive entries of one order's log, written in order; with `close`, then the order's
   * final status. Returns the head of the log after the batch's last entry (as stored, also on a
   * retry), or null for an empty batch.
   */
  recordMessages(messages: RecordedMessage[], close?: OrderClosing): Promise<OrderLogHead | null>;
  planSourcing(order: PurchaseOrder): Promise<SourcingPlan>;
  chooseCarriers(origins: Location[], destinationCountry: string): Promise<CarrierChoice[]>;
  /** Terms for each party asked for, in the same order; a party without its own gets the default of its role. */
  partyTerms(parties: PartyRef[]): Promise<PartyTerms[]>;
  /** Keeps and starts a follow-up order for the lines a partial fill left out; returns its id. Idempotent per parent. */
  placeBackOrder(parent: PurchaseOrder, lines: PurchaseOrderLine[]): Promise<string>;
  reportStuckCompensation(stuck: StuckCompensation): Promise<void>;
  clearStuckCompensation(orderId: string, compensationId: string, resolution: string): Promise<void>;
}

/** A party that may answer automatically from its data, or leave the answer to a person. */
export type Reply<T> =
  | { mode: 'automatic'; answer: T }
  | { mode: 'manual' }
  | { mode: 'declined'; reason: string };

/**
 * Compensations are idempotent: a second call changes nothing. A compensation that can never
 * succeed throws an ApplicationFailure of type `CompensationImpossible` (not retried).
 */
export interface SupplierActivities {
  /** Commits and reserves stock when answering automatically. */
  receiveStockInquiry(inquiry: StockInquiry): Promise<Reply<StockAnswer>>;
  /** Takes the reserved stock out for the carrier. */
  receiveDispatchNotice(notice: DispatchNotice): Promise<void>;
  /** Compensation: closes the inquiry if still open and releases any stock it holds. */
  withdrawStockInquiry(inquiryId: string, reason: string): Promise<void>;
  /** Compensation: puts dispatched stock back. */
  recallDispatchNotice(noticeId: string, reason: string): Promise<void>;
  remind(reminder: Reminder): Promise<void>;
}

export interface CarrierActivities {
  receiveShippingInquiry(inquiry: ShippingInquiry): Promise<Reply<ShippingQuote>>;
  receiveTransportNotice(notice: TransportNotice): Promise<Reply<TransportAcceptance>>;
  /** Compensation (or a quote not chosen): closes the inquiry if still open. */
  withdrawShippingInquiry(inquiryId: string, reason: string): Promise<void>;
  /** Compensation: cancels a booking, accepted or not. */
  cancelTransport(noticeId: string, reason: string): Promise<void>;
  remind(reminder: Reminder): Promise<void>;
}

export interface BuyerActivities {
  receiveOrderConfirmation(confirmation: OrderConfirmation): Promise<void>;
  remind(reminder: Reminder): Promise<void>;
}

export interface PaymentGatewayActivities {
  /** Takes the payment; when accepted, the gateway sends the signed transfer notice to the distributor. */
  receivePaymentNotice(notice: PaymentNotice): Promise<PaymentOutcome>;
  /** Compensation: returns whatever the order paid to the buyer; `null` when nothing was paid. */
  refundPayment(orderId: string, reason: string): Promise<Money | null>;
}
