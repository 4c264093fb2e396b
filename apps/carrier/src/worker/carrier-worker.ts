import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { CarrierActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { ShippingInquiriesService } from '../shipping-inquiries/shipping-inquiries.service';
import { TransportNoticesService } from '../transport-notices/transport-notices.service';

/** The carrier's worker: shipping inquiries and transport notices arrive here. */
@Injectable()
export class CarrierWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly inquiries: ShippingInquiriesService,
    private readonly notices: TransportNoticesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...activitiesOf(this.inquiries, ['receiveShippingInquiry']),
      ...activitiesOf(this.notices, ['receiveTransportNotice']),
    } as unknown as CarrierActivities;
    await this.host.start('carrier', activities);
  }
}
