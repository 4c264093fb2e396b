import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Money,
  OrderView,
  PaymentNotice,
  ShippingQuote,
  StockAnswer,
  TransferNotice,
  TransportAcceptance,
  TransportRejection,
} from '../../libs/contracts/src';

/** How a person's answer reaches a running order: services call these through their own APIs. */
export const stockAnswerUpdate = defineUpdate<void, [StockAnswer]>('stockAnswer');
export const shippingQuoteUpdate = defineUpdate<void, [ShippingQuote]>('shippingQuote');
export const transportAcceptanceUpdate = defineUpdate<void, [TransportAcceptance]>('transportAcceptance');
export const transportRejectionUpdate = defineUpdate<void, [TransportRejection]>('transportRejection');
export const paymentNoticeUpdate = defineUpdate<void, [PaymentNotice]>('paymentNotice');
/** Step 8 arrives through the distributor's webhook once its signature has been checked. */
export const transferNoticeUpdate = defineUpdate<void, [TransferNotice]>('transferNotice');

export interface CancelRequest {
  requestedBy: string;
  reason: string;
}
/** The buyer calls the order off; allowed until the goods are released for dispatch. */
export const cancelOrderUpdate = defineUpdate<void, [CancelRequest]>('cancelOrder');

export interface BuyerDecision {
  decision: 'wait' | 'cancel';
  decidedBy: string;
}
/** The buyer's answer when a deadline escalates to them: give the party more time, or cancel. */
export const buyerDecisionUpdate = defineUpdate<void, [BuyerDecision]>('buyerDecision');

export interface CompensationResolution {
  compensationId: string;
  resolution: 'retry' | 'resolved-manually';
  resolvedBy: string;
  note?: string;
}
/** An operator deals with a compensation that could not succeed on its own. */
export const resolveCompensationUpdate = defineUpdate<void, [CompensationResolution]>('resolveCompensation');

export const orderViewQuery = defineQuery<OrderView>('orderView');

/** How an order words a transfer of the wrong amount (its failure names the field `amount`). */
export function wrongTransferAmount(got: Money, due: Money): string {
  return `${got.amountMinor} ${got.currency} transferred, but ${due.amountMinor} ${due.currency} is due`;
}
