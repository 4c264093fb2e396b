import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { AuditModule } from './audit/audit.module';
import { IdentityModule } from './identity/identity.module';
import { CarrierPartner } from './catalogue/carrier-partner.entity';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueItem } from './catalogue/catalogue-item.entity';
import { CatalogueOffer } from './catalogue/catalogue-offer.entity';
import { StuckCompensationRecord } from './operations/stuck-compensation.entity';
import { StuckCompensationsController } from './operations/stuck-compensations.controller';
import { StuckCompensationsService } from './operations/stuck-compensations.service';
import { PartyTermsController } from './party-terms/party-terms.controller';
import { PartyTermsRecord } from './party-terms/party-terms.entity';
import { distributorDatabase } from './database/distributor-database';
import { OrderMessage } from './order-messages/order-message.entity';
import { OrderMessagesService } from './order-messages/order-messages.service';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PurchaseOrderRecord } from './purchase-orders/purchase-order.entity';
import { PurchaseOrdersController } from './purchase-orders/purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders/purchase-orders.service';
import { SourcingService } from './sourcing/sourcing.service';
import { TransferNoticesModule } from './transfer-notices/transfer-notices.module';
import { DistributorWorker } from './worker/distributor-worker';

@Module({
  imports: [
    PlatformModule.forParty(distributorDatabase),
    TransferNoticesModule,
    AuditModule,
    IdentityModule,
    TypeOrmModule.forFeature([
      CatalogueItem,
      CatalogueOffer,
      CarrierPartner,
      PartyTermsRecord,
      PurchaseOrderRecord,
      OrderMessage,
      StuckCompensationRecord,
    ]),
  ],
  controllers: [
    PurchaseOrdersController,
    OrdersController,
    CatalogueController,
    PartyTermsController,
    StuckCompensationsController,
  ],
  providers: [
    PurchaseOrdersService,
    OrdersService,
    OrderMessagesService,
    SourcingService,
    StuckCompensationsService,
    DistributorWorker,
  ],
})
export class DistributorModule {}
