import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { DistributorActivities } from './activities/distributor.activities';
import { AuditModule } from './audit/audit.module';
import { IdentityModule } from './identity/identity.module';
import { CatalogueController } from './catalogue/catalogue.controller';
import { StuckCompensationsController } from './operations/stuck-compensations.controller';
import { StuckCompensationsService } from './operations/stuck-compensations.service';
import { PartyTermsController } from './party-terms/party-terms.controller';
import { distributorDatabase, distributorEntities } from './database/distributor-database';
import { OrderMessagesService } from './order-messages/order-messages.service';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PurchaseOrdersController } from './purchase-orders/purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders/purchase-orders.service';
import { IntakeAdmission, type IntakeLimits } from './purchase-orders/intake-admission';
import { intakeConfig } from './purchase-orders/intake.config';
import { SourcingService } from './sourcing/sourcing.service';
import { TransferNoticesModule } from './transfer-notices/transfer-notices.module';
import { DistributorWorker } from './worker/distributor-worker';
import { EdiModule } from './edi/edi.module';

@Module({
  imports: [
    PlatformModule.forParty(distributorDatabase),
    TransferNoticesModule,
    AuditModule,
    IdentityModule,
    EdiModule,
    ConfigModule.forFeature(intakeConfig),
    TypeOrmModule.forFeature(distributorEntities),
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
    DistributorActivities,
    DistributorWorker,
    { provide: IntakeAdmission, useFactory: (limits: IntakeLimits) => new IntakeAdmission(limits), inject: [intakeConfig.KEY] },
  ],
})
export class DistributorModule {}
