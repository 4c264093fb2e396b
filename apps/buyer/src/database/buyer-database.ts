import type { PartyDatabase } from '@tradelane/platform';
import { OrderConfirmationRecord } from '../order-confirmations/order-confirmation.entity';
import { BuyerPayment } from '../payments/buyer-payment.entity';
import { BuyerReminder } from '../reminders/buyer-reminder.entity';
import { BuyerInitial1764000000000 } from './migrations/1764000000000-buyer-initial';
import { BuyerReminders1764100000000 } from './migrations/1764100000000-buyer-reminders';
import { BuyerRateLimits1764600000000 } from './migrations/1764600000000-buyer-rate-limits';

/** Every table of the buyer's schema; the module registers the same list. */
export const buyerEntities = [OrderConfirmationRecord, BuyerPayment, BuyerReminder];

export const buyerDatabase: PartyDatabase = {
  schema: 'buyer',
  entities: buyerEntities,
  migrations: [BuyerInitial1764000000000, BuyerReminders1764100000000, BuyerRateLimits1764600000000],
};
