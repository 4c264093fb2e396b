import type { Money } from './money';
import type { PartyRef } from './parties';

/** The eight steps of the flow; steps 6 and 7 each carry two messages. */
export const MESSAGE_STEP = {
  'purchase-order': 1,
  'stock-inquiry': 2,
  'stock-answer': 3,
  'shipping-inquiry': 4,
  'shipping-quote': 5,
  'order-confirmation': 6,
  'dispatch-notice': 6,
  'transport-notice': 7,
  'payment-notice': 7,
  'transfer-notice': 8,
} as const;

export type MessageName = keyof typeof MESSAGE_STEP;

/**
 * What happens to an order besides the eight messages: kept in the same log, without a step,
 * so that an auditor reads one story in order.
 */
export const ORDER_EVENTS = [
  'reminder',
  'escalation',
  'partial-fill-decision',
  'quote-expired',
  'transport-acceptance',
  'rebooking',
  'buyer-decision',
  'back-order',
  'cancellation',
  'compensation',
  'compensation-stuck',
  'compensation-resolved',
] as const;

export type OrderEventName = (typeof ORDER_EVENTS)[number];

/** What the buyer wants when a supplier commits less than asked. */
export type PartialFillPolicy = 'accept' | 'back-order' | 'cancel';
export const PARTIAL_FILL_POLICIES: PartialFillPolicy[] = ['accept', 'back-order', 'cancel'];

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface PurchaseOrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  priceCeilingMinor?: number;
}

/** Step 1, buyer → distributor. */
export interface PurchaseOrder {
  orderId: string;
  buyerId: string;
  lines: PurchaseOrderLine[];
  shipTo: Address;
  wantedBy: string;
  currency: string;
  /** What to do when a supplier commits less than asked; `cancel` when the buyer does not say. */
  partialFill: PartialFillPolicy;
  idempotencyKey?: string;
  /** Set on a follow-up order for what a partial fill left out. */
  backOrderOf?: string;
  /** The person (or `api-key:<label>`) whose credentials submitted it; absent on a back-order, which the distributor places. */
  submittedBy?: string;
  submittedAt: string;
}

export interface InquiryLine {
  lineNo: number;
  sku: string;
  quantity: number;
  /** The buyer's ceiling: a supplier may not commit this line at a higher unit price. */
  priceCeilingMinor?: number;
}

/** Step 2, distributor → supplier. */
export interface StockInquiry {
  inquiryId: string;
  orderId: string;
  supplierId: string;
  currency: string;
  lines: InquiryLine[];
}

export interface StockAnswerLine {
  lineNo: number;
  sku: string;
  available: boolean;
  quantityCommitted: number;
  unitPriceMinor: number;
  shipFrom: Location;
  readyDate: string;
}

export interface Location {
  code: string;
  country: string;
}

/** Step 3, supplier → distributor. `answeredBy` is the person, or `automatic`. */
export interface StockAnswer {
  inquiryId: string;
  orderId: string;
  supplierId: string;
  answeredBy: string;
  currency: string;
  lines: StockAnswerLine[];
  /** Committed stock is held for the order until then, unless dispatched or released first. */
  reservedUntil?: string;
}

/** Step 4, distributor → carrier: one per origin. */
export interface ShippingInquiry {
  inquiryId: string;
  orderId: string;
  carrierId: string;
  origin: Location;
  destination: Address;
  weightGrams: number;
  lineCount: number;
  readyDate: string;
  wantedBy: string;
  currency: string;
}

export type TransportMode = 'road' | 'rail' | 'sea' | 'air';

/** Step 5, carrier → distributor. */
export interface ShippingQuote {
  inquiryId: string;
  orderId: string;
  carrierId: string;
  quotedBy: string;
  pickupDate: string;
  deliveryDate: string;
  route: string;
  mode: TransportMode;
  price: Money;
  validUntil: string;
}

export interface ConfirmedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  supplierId: string;
  shipFrom: string;
}

export interface Freight {
  carrierId: string;
  origin: string;
  price: Money;
  pickupDate: string;
  deliveryDate: string;
}

/** Step 6, distributor → buyer. */
export interface OrderConfirmation {
  orderId: string;
  buyerId: string;
  lines: ConfirmedLine[];
  freight: Freight[];
  goods: Money;
  amountDue: Money;
  deliveryDate: string;
  confirmedAt: string;
}

/** Step 6, distributor → supplier: release the committed goods to the carrier. */
export interface DispatchNotice {
  noticeId: string;
  orderId: string;
  supplierId: string;
  /** The stock inquiry whose reservation this dispatch takes. */
  inquiryId: string;
  carrierId: string;
  pickupDate: string;
  lines: InquiryLine[];
}

/** Step 7, distributor → carrier: the booking. */
export interface TransportNotice {
  noticeId: string;
  orderId: string;
  carrierId: string;
  inquiryId: string;
  origin: Location;
  destination: Address;
  pickupDate: string;
  deliveryDate: string;
  price: Money;
}

export interface TransportAcceptance {
  noticeId: string;
  orderId: string;
  carrierId: string;
  acceptedBy: string;
  acceptedAt: string;
}

/** Step 7, carrier → distributor: the carrier will not take this booking; the next best is asked. */
export interface TransportRejection {
  noticeId: string;
  orderId: string;
  carrierId: string;
  rejectedBy: string;
  reason: string;
  rejectedAt: string;
}

/** Step 7, buyer → payment gateway. */
export interface PaymentNotice {
  orderId: string;
  buyerId: string;
  amount: Money;
  paymentReference: string;
  paidBy: string;
}

/** The gateway's answer to a payment notice; an accepted payment is followed by a transfer notice. */
export type PaymentOutcome =
  | { status: 'accepted'; paymentId: string }
  | { status: 'declined'; reason: string };

/**
 * Step 8, payment gateway → distributor: the money has moved. Delivered as a signed webhook;
 * `eventId` makes a second delivery of the same event a no-op.
 */
export interface TransferNotice {
  eventId: string;
  transferId: string;
  orderId: string;
  paymentId: string;
  amount: Money;
  transferredAt: string;
}

/** A nudge to whoever is late; the deadline is when the escalation happens. */
export interface Reminder {
  orderId: string;
  /** the inquiry or notice waiting for an answer, or the order for a payment */
  subjectId: string;
  waitingFor: 'stock-answer' | 'shipping-quote' | 'transport-acceptance' | 'payment' | 'buyer-decision';
  deadline: string;
}

/** One recorded message or event, as kept in the distributor's order log. Events have no step. */
export interface RecordedMessage {
  orderId: string;
  seq: number;
  step: number | null;
  name: MessageName | OrderEventName;
  sender: PartyRef;
  receiver: PartyRef;
  sentAt: string;
  payload: unknown;
}
