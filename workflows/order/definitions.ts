import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  OrderView,
  PaymentNotice,
  ShippingQuote,
  StockAnswer,
  TransportAcceptance,
} from '../../libs/contracts/src';

/** How a person's answer reaches a running order: services call these through their own APIs. */
export const stockAnswerUpdate = defineUpdate<void, [StockAnswer]>('stockAnswer');
export const shippingQuoteUpdate = defineUpdate<void, [ShippingQuote]>('shippingQuote');
export const transportAcceptanceUpdate = defineUpdate<void, [TransportAcceptance]>('transportAcceptance');
export const paymentNoticeUpdate = defineUpdate<void, [PaymentNotice]>('paymentNotice');

export const orderViewQuery = defineQuery<OrderView>('orderView');
