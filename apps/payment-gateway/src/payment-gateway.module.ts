import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule, transferNoticeConfig } from '@tradelane/platform';
import { PaymentGatewayActivities } from './activities/payment-gateway.activities';
import { paymentGatewayDatabase, paymentGatewayEntities } from './database/payment-gateway-database';
import { LedgerService } from './ledger/ledger.service';
import { PayerAccountsController } from './payer-accounts/payer-accounts.controller';
import { PayerAccountsService } from './payer-accounts/payer-accounts.service';
import { payerConfig } from './payer-accounts/payer.config';
import { PaymentNoticesService } from './payment-notices/payment-notices.service';
import { PaymentsController } from './payment-notices/payments.controller';
import { RefundsService } from './refunds/refunds.service';
import { TransferNoticeDelivery } from './transfer-notices/transfer-notice-delivery';
import { PaymentGatewayWorker } from './worker/payment-gateway-worker';

@Module({
  imports: [
    PlatformModule.forParty(paymentGatewayDatabase),
    ConfigModule.forFeature(transferNoticeConfig),
    ConfigModule.forFeature(payerConfig),
    TypeOrmModule.forFeature(paymentGatewayEntities),
  ],
  controllers: [PaymentsController, PayerAccountsController],
  providers: [
    LedgerService,
    PayerAccountsService,
    PaymentNoticesService,
    RefundsService,
    TransferNoticeDelivery,
    PaymentGatewayActivities,
    PaymentGatewayWorker,
  ],
})
export class PaymentGatewayModule {}
