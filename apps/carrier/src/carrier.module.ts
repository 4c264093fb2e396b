import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@tradelane/platform';
import { CarrierActivities } from './activities/carrier.activities';
import { CarriersController } from './carriers/carriers.controller';
import { CarriersService } from './carriers/carriers.service';
import { carrierDatabase, carrierEntities } from './database/carrier-database';
import { ShippingInquiriesController } from './shipping-inquiries/shipping-inquiries.controller';
import { ShippingInquiriesService } from './shipping-inquiries/shipping-inquiries.service';
import { TransportNoticesController } from './transport-notices/transport-notices.controller';
import { TransportNoticesService } from './transport-notices/transport-notices.service';
import { CarrierWorker } from './worker/carrier-worker';

@Module({
  imports: [
    PlatformModule.forParty(carrierDatabase),
    TypeOrmModule.forFeature(carrierEntities),
  ],
  controllers: [CarriersController, ShippingInquiriesController, TransportNoticesController],
  providers: [CarriersService, ShippingInquiriesService, TransportNoticesService, CarrierActivities, CarrierWorker],
})
export class CarrierModule {}
