import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { BuyerActivities } from './activities/buyer.activities';
import { buyerDatabase, buyerEntities } from './database/buyer-database';
import { OrderConfirmationsService } from './order-confirmations/order-confirmations.service';
import { BuyerOrdersController } from './orders/orders.controller';
import { BuyerOrdersService } from './orders/orders.service';
import { RemindersService } from './reminders/reminders.service';
import { BuyerWorker } from './worker/buyer-worker';

@Module({
  imports: [
    PlatformModule.forParty(buyerDatabase),
    TypeOrmModule.forFeature(buyerEntities),
  ],
  controllers: [BuyerOrdersController],
  providers: [OrderConfirmationsService, BuyerOrdersService, RemindersService, BuyerActivities, BuyerWorker],
})
export class BuyerModule {}
