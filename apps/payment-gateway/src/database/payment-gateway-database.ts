import type { PartyDatabase } from '@tradelane/platform';
import { LedgerEntry } from '../ledger/ledger-entry.entity';
import { Payment } from '../payment-notices/payment.entity';
import { Transfer } from '../transfer-notices/transfer.entity';
import { PaymentGatewayInitial1764000000000 } from './migrations/1764000000000-payment-gateway-initial';

export const paymentGatewayDatabase: PartyDatabase = {
  schema: 'payment_gateway',
  entities: [Payment, Transfer, LedgerEntry],
  migrations: [PaymentGatewayInitial1764000000000],
};
