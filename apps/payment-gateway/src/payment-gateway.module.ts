import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { paymentGatewayDatabase } from './database/payment-gateway-database';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { LedgerService } from './ledger/ledger.service';
import { Payment } from './payment-notices/payment.entity';
import { PaymentNoticesService } from './payment-notices/payment-notices.service';
import { PaymentsController } from './payment-notices/payments.controller';
import { Transfer } from './transfer-notices/transfer.entity';
import { PaymentGatewayWorker } from './worker/payment-gateway-worker';

@Module({
  imports: [
    PlatformModule.forParty(paymentGatewayDatabase),
    TypeOrmModule.forFeature([Payment, Transfer, LedgerEntry]),
  ],
  controllers: [PaymentsController],
  providers: [LedgerService, PaymentNoticesService, PaymentGatewayWorker],
})
export class PaymentGatewayModule {}
