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
  idempotencyKey?: string;
  submittedAt: string;
}

export interface InquiryLine {
  lineNo: number;
  sku: string;
  quantity: number;
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

/** Step 7, buyer → payment gateway. */
export interface PaymentNotice {
  orderId: string;
  buyerId: string;
  amount: Money;
  paymentReference: string;
  paidBy: string;
}

/** Step 8, payment gateway → distributor: the money has moved. */
export interface TransferNotice {
  transferId: string;
  orderId: string;
  paymentId: string;
  amount: Money;
  transferredAt: string;
}

/** One recorded message, as kept in the distributor's message log. */
export interface RecordedMessage {
  orderId: string;
  seq: number;
  step: number;
  name: MessageName;
  sender: PartyRef;
  receiver: PartyRef;
  sentAt: string;
  payload: unknown;
}
