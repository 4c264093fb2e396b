import type {
  DispatchNotice,
  OrderConfirmation,
  PaymentNotice,
  PurchaseOrder,
  RecordedMessage,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StockInquiry,
  TransferNotice,
  TransportAcceptance,
  TransportNotice,
  Location,
  InquiryLine,
} from './messages';

/**
 * The activity interfaces of each party. The workflow imports these as types only;
 * each party's service implements its own and runs them on its own task queue.
 */

export interface SourcingPlan {
  inquiries: { supplierId: string; lines: InquiryLine[] }[];
  unitWeightGrams: Record<string, number>;
}

export interface CarrierChoice {
  originCode: string;
  carrierId: string | null;
}

export interface DistributorActivities {
  recordMessage(message: RecordedMessage): Promise<void>;
  planSourcing(order: PurchaseOrder): Promise<SourcingPlan>;
  chooseCarriers(origins: Location[], destinationCountry: string): Promise<CarrierChoice[]>;
  recordOrderStatus(orderId: string, status: string, at: string): Promise<void>;
}

/** A party that may answer automatically from its data, or leave the answer to a person. */
export type Reply<T> =
  | { mode: 'automatic'; answer: T }
  | { mode: 'manual' }
  | { mode: 'declined'; reason: string };

export interface SupplierActivities {
  receiveStockInquiry(inquiry: StockInquiry): Promise<Reply<StockAnswer>>;
  receiveDispatchNotice(notice: DispatchNotice): Promise<void>;
}

export interface CarrierActivities {
  receiveShippingInquiry(inquiry: ShippingInquiry): Promise<Reply<ShippingQuote>>;
  receiveTransportNotice(notice: TransportNotice): Promise<Reply<TransportAcceptance>>;
}

export interface BuyerActivities {
  receiveOrderConfirmation(confirmation: OrderConfirmation): Promise<void>;
}

export interface PaymentGatewayActivities {
  receivePaymentNotice(notice: PaymentNotice): Promise<TransferNotice>;
}
