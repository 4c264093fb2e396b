import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { buyerDatabase } from './database/buyer-database';
import { OrderConfirmationRecord } from './order-confirmations/order-confirmation.entity';
import { OrderConfirmationsService } from './order-confirmations/order-confirmations.service';
import { BuyerOrdersController } from './orders/orders.controller';
import { BuyerOrdersService } from './orders/orders.service';
import { BuyerPayment } from './payments/buyer-payment.entity';
import { BuyerReminder } from './reminders/buyer-reminder.entity';
import { RemindersService } from './reminders/reminders.service';
import { BuyerWorker } from './worker/buyer-worker';

@Module({
  imports: [
    PlatformModule.forParty(buyerDatabase),
    TypeOrmModule.forFeature([OrderConfirmationRecord, BuyerPayment, BuyerReminder]),
  ],
  controllers: [BuyerOrdersController],
  providers: [OrderConfirmationsService, BuyerOrdersService, RemindersService, BuyerWorker],
})
export class BuyerModule {}
