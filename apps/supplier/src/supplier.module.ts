import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { SupplierActivities } from './activities/supplier.activities';
import { supplierDatabase, supplierEntities } from './database/supplier-database';
import { DispatchNoticesService } from './dispatch-notices/dispatch-notices.service';
import { ReservationsService } from './reservations/reservations.service';
import { StockInquiriesController } from './stock-inquiries/stock-inquiries.controller';
import { StockInquiriesService } from './stock-inquiries/stock-inquiries.service';
import { SuppliersController } from './suppliers/suppliers.controller';
import { SuppliersService } from './suppliers/suppliers.service';
import { SupplierWorker } from './worker/supplier-worker';

@Module({
  imports: [
    PlatformModule.forParty(supplierDatabase),
    TypeOrmModule.forFeature(supplierEntities),
  ],
  controllers: [SuppliersController, StockInquiriesController],
  providers: [SuppliersService, StockInquiriesService, DispatchNoticesService, ReservationsService, SupplierActivities, SupplierWorker],
})
export class SupplierModule {}
