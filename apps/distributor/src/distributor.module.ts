import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { CarrierPartner } from './catalogue/carrier-partner.entity';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueItem } from './catalogue/catalogue-item.entity';
import { distributorDatabase } from './database/distributor-database';
import { OrderMessage } from './order-messages/order-message.entity';
import { OrderMessagesService } from './order-messages/order-messages.service';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PurchaseOrderRecord } from './purchase-orders/purchase-order.entity';
import { PurchaseOrdersController } from './purchase-orders/purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders/purchase-orders.service';
import { SourcingService } from './sourcing/sourcing.service';
import { DistributorWorker } from './worker/distributor-worker';

@Module({
  imports: [
    PlatformModule.forParty(distributorDatabase),
    TypeOrmModule.forFeature([CatalogueItem, CarrierPartner, PurchaseOrderRecord, OrderMessage]),
  ],
  controllers: [PurchaseOrdersController, OrdersController, CatalogueController],
  providers: [PurchaseOrdersService, OrdersService, OrderMessagesService, SourcingService, DistributorWorker],
})
export class DistributorModule {}
