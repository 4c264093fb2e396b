import type { CompensationKind } from './activities';
import type { Money } from './money';
import type { OrderConfirmation, PartialFillPolicy, TransferNotice } from './messages';

export type OrderStatus =
  | 'sourcing'
  | 'quoting'
  | 'awaiting-transport-and-payment'
  | 'cancelling'
  | 'completed'
  | 'cancelled';

/** Everything an order may wait for; `deadline` is when the party's escalation happens. */
export type WaitingFor =
  | { kind: 'stock-answer'; supplierId: string; inquiryId: string; deadline: string }
  | { kind: 'shipping-quote'; carrierId: string; inquiryId: string; deadline: string }
  | { kind: 'transport-acceptance'; carrierId: string; noticeId: string; deadline: string }
  | { kind: 'payment'; amountDue: Money; deadline: string }
  | { kind: 'transfer-notice'; amount: Money }
  | { kind: 'buyer-decision'; question: string; deadline: string }
  | { kind: 'operator'; compensationId: string };

export type CompensationStatus = 'done' | 'stuck' | 'resolved-manually';

export interface CompensationRecord {
  compensationId: string;
  kind: CompensationKind;
  subjectId: string;
  status: CompensationStatus;
  error?: string;
}

export interface PartialFill {
  policy: PartialFillPolicy;
  shortLines: { lineNo: number; sku: string; asked: number; committed: number }[];
  backOrderId?: string;
}

/** A booked carrier per origin; changes when a carrier rejects and the next best is booked. */
export interface Booking {
  originCode: string;
  carrierId: string;
  noticeId: string;
  price: Money;
  pickupDate: string;
  deliveryDate: string;
  status: 'awaiting-acceptance' | 'accepted';
}

export interface Cancellation {
  reason: string;
  requestedBy?: string;
  at: string;
}

/** What the buyer (and anyone allowed) reads about an order at any time. */
export interface OrderView {
  orderId: string;
  buyerId: string;
  status: OrderStatus;
  waitingFor: WaitingFor[];
  confirmation?: OrderConfirmation;
  partialFill?: PartialFill;
  bookings: Booking[];
  transfer?: TransferNotice;
  cancellation?: Cancellation;
  compensations: CompensationRecord[];
  updatedAt: string;
}
