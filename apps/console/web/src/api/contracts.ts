// Type-only: the console shares the messages' and the order view's shapes with the services.
export type { Money } from '../../../../../libs/contracts/src/money';
export type {
  Address,
  ConfirmedLine,
  DispatchNotice,
  InquiryLine,
  OrderConfirmation,
  PurchaseOrderLine,
  Reminder,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  TransportNotice,
} from '../../../../../libs/contracts/src/messages';
export type { Booking, CompensationRecord, OrderStatus, OrderView, WaitingFor } from '../../../../../libs/contracts/src/order-view';
export type { StuckCompensation } from '../../../../../libs/contracts/src/activities';
