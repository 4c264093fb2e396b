import type { PartyDatabase } from '@tradelane/platform';
import { LedgerEntry } from '../ledger/ledger-entry.entity';
import { Payment } from '../payment-notices/payment.entity';
import { Transfer } from '../transfer-notices/transfer.entity';
import { PaymentGatewayInitial1764000000000 } from './migrations/1764000000000-payment-gateway-initial';
import { PaymentGatewayPayersRefundsTransferDelivery1764100000200 } from './migrations/1764100000200-payment-gateway-payers-refunds-transfer-delivery';
import { PaymentGatewayRateLimits1764600000000 } from './migrations/1764600000000-payment-gateway-rate-limits';
import { PayerAccount } from '../payer-accounts/payer-account.entity';
import { Refund } from '../refunds/refund.entity';

/** Every table of the gateway's schema; the module registers the same list. */
export const paymentGatewayEntities = [Payment, Transfer, LedgerEntry, PayerAccount, Refund];

export const paymentGatewayDatabase: PartyDatabase = {
  schema: 'payment_gateway',
  entities: paymentGatewayEntities,
  migrations: [PaymentGatewayInitial1764000000000, PaymentGatewayPayersRefundsTransferDelivery1764100000200, PaymentGatewayRateLimits1764600000000],
};
