import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { supplierDatabase } from './database/supplier-database';
import { DispatchNoticeRecord } from './dispatch-notices/dispatch-notice.entity';
import { DispatchNoticesService } from './dispatch-notices/dispatch-notices.service';
import { StockInquiriesController } from './stock-inquiries/stock-inquiries.controller';
import { StockInquiriesService } from './stock-inquiries/stock-inquiries.service';
import { StockInquiryRecord } from './stock-inquiries/stock-inquiry.entity';
import { StockItem } from './suppliers/stock-item.entity';
import { Supplier } from './suppliers/supplier.entity';
import { SuppliersController } from './suppliers/suppliers.controller';
import { SuppliersService } from './suppliers/suppliers.service';
import { SupplierWorker } from './worker/supplier-worker';

@Module({
  imports: [
    PlatformModule.forParty(supplierDatabase),
    TypeOrmModule.forFeature([Supplier, StockItem, StockInquiryRecord, DispatchNoticeRecord]),
  ],
  controllers: [SuppliersController, StockInquiriesController],
  providers: [SuppliersService, StockInquiriesService, DispatchNoticesService, SupplierWorker],
})
export class SupplierModule {}
