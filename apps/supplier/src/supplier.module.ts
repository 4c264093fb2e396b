import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { supplierDatabase } from './database/supplier-database';
import { DispatchNoticeRecord } from './dispatch-notices/dispatch-notice.entity';
import { DispatchNoticesService } from './dispatch-notices/dispatch-notices.service';
import { ReservationsService } from './reservations/reservations.service';
import { StockReservation } from './reservations/stock-reservation.entity';
import { StockInquiriesController } from './stock-inquiries/stock-inquiries.controller';
import { StockInquiriesService } from './stock-inquiries/stock-inquiries.service';
import { StockInquiryRecord } from './stock-inquiries/stock-inquiry.entity';
import { Supplier } from './suppliers/supplier.entity';
import { SuppliersController } from './suppliers/suppliers.controller';
import { SuppliersService } from './suppliers/suppliers.service';
import { SupplierWorker } from './worker/supplier-worker';

@Module({
  imports: [
    PlatformModule.forParty(supplierDatabase),
    TypeOrmModule.forFeature([Supplier, StockInquiryRecord, DispatchNoticeRecord, StockReservation]),
  ],
  controllers: [SuppliersController, StockInquiriesController],
  providers: [SuppliersService, StockInquiriesService, DispatchNoticesService, ReservationsService, SupplierWorker],
})
export class SupplierModule {}
