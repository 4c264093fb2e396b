import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { CarrierActivities, Reminder } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { ShippingInquiriesService } from '../shipping-inquiries/shipping-inquiries.service';
import { TransportNoticesService } from '../transport-notices/transport-notices.service';

/** The carrier's worker: shipping inquiries and transport notices arrive here, and their withdrawals, cancellations and reminders. */
@Injectable()
export class CarrierWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly inquiries: ShippingInquiriesService,
    private readonly notices: TransportNoticesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...activitiesOf(this.inquiries, ['receiveShippingInquiry', 'withdrawShippingInquiry']),
      ...activitiesOf(this.notices, ['receiveTransportNotice', 'cancelTransport']),
      remind: (reminder: Reminder) => this.remind(reminder),
    } as unknown as CarrierActivities;
    await this.host.start('carrier', activities);
  }

  /** The subject is an inquiry awaiting a quote or a notice awaiting acceptance; anything else is ignored. */
  async remind(reminder: Reminder): Promise<void> {
    if (await this.inquiries.remind(reminder)) return;
    await this.notices.remind(reminder);
  }
}
