import type { Money } from './money';
import type { OrderConfirmation, TransferNotice } from './messages';

export type OrderStatus =
  | 'sourcing'
  | 'quoting'
  | 'awaiting-transport-and-payment'
  | 'completed'
  | 'cancelled';

export type WaitingFor =
  | { kind: 'stock-answer'; supplierId: string; inquiryId: string }
  | { kind: 'shipping-quote'; carrierId: string; inquiryId: string }
  | { kind: 'transport-acceptance'; carrierId: string; noticeId: string }
  | { kind: 'payment'; amountDue: Money };

/** What the buyer (and anyone allowed) reads about an order at any time. */
export interface OrderView {
  orderId: string;
  buyerId: string;
  status: OrderStatus;
  waitingFor: WaitingFor[];
  confirmation?: OrderConfirmation;
  transfer?: TransferNotice;
  cancellationReason?: string;
  updatedAt: string;
}
