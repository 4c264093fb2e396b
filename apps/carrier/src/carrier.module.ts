import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { Carrier } from './carriers/carrier.entity';
import { CarriersController } from './carriers/carriers.controller';
import { CarriersService } from './carriers/carriers.service';
import { RateCard } from './carriers/rate-card.entity';
import { carrierDatabase } from './database/carrier-database';
import { ShippingInquiriesController } from './shipping-inquiries/shipping-inquiries.controller';
import { ShippingInquiriesService } from './shipping-inquiries/shipping-inquiries.service';
import { ShippingInquiryRecord } from './shipping-inquiries/shipping-inquiry.entity';
import { TransportNoticeRecord } from './transport-notices/transport-notice.entity';
import { TransportNoticesController } from './transport-notices/transport-notices.controller';
import { TransportNoticesService } from './transport-notices/transport-notices.service';
import { CarrierWorker } from './worker/carrier-worker';

@Module({
  imports: [
    PlatformModule.forParty(carrierDatabase),
    TypeOrmModule.forFeature([Carrier, RateCard, ShippingInquiryRecord, TransportNoticeRecord]),
  ],
  controllers: [CarriersController, ShippingInquiriesController, TransportNoticesController],
  providers: [CarriersService, ShippingInquiriesService, TransportNoticesService, CarrierWorker],
})
export class CarrierModule {}
