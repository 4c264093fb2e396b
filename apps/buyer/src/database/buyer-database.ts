import type { PartyDatabase } from '@tradelane/platform';
import { OrderConfirmationRecord } from '../order-confirmations/order-confirmation.entity';
import { BuyerPayment } from '../payments/buyer-payment.entity';
import { BuyerInitial1764000000000 } from './migrations/1764000000000-buyer-initial';

export const buyerDatabase: PartyDatabase = {
  schema: 'buyer',
  entities: [OrderConfirmationRecord, BuyerPayment],
  migrations: [BuyerInitial1764000000000],
};
