import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule, transferNoticeConfig } from '@tradelane/platform';
import { paymentGatewayDatabase } from './database/payment-gateway-database';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { LedgerService } from './ledger/ledger.service';
import { PayerAccount } from './payer-accounts/payer-account.entity';
import { PayerAccountsController } from './payer-accounts/payer-accounts.controller';
import { PayerAccountsService } from './payer-accounts/payer-accounts.service';
import { payerConfig } from './payer-accounts/payer.config';
import { Payment } from './payment-notices/payment.entity';
import { PaymentNoticesService } from './payment-notices/payment-notices.service';
import { PaymentsController } from './payment-notices/payments.controller';
import { Refund } from './refunds/refund.entity';
import { RefundsService } from './refunds/refunds.service';
import { TransferNoticeDelivery } from './transfer-notices/transfer-notice-delivery';
import { Transfer } from './transfer-notices/transfer.entity';
import { PaymentGatewayWorker } from './worker/payment-gateway-worker';

@Module({
  imports: [
    PlatformModule.forParty(paymentGatewayDatabase),
    ConfigModule.forFeature(transferNoticeConfig),
    ConfigModule.forFeature(payerConfig),
    TypeOrmModule.forFeature([Payment, Transfer, LedgerEntry, PayerAccount, Refund]),
  ],
  controllers: [PaymentsController, PayerAccountsController],
  providers: [LedgerService, PayerAccountsService, PaymentNoticesService, RefundsService, TransferNoticeDelivery, PaymentGatewayWorker],
})
export class PaymentGatewayModule {}
