import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@tradelane/platform';
import { CarrierActivities } from '../activities/carrier.activities';

/** The carrier's worker: shipping inquiries and transport notices arrive here, and their withdrawals, cancellations and reminders. */
@Injectable()
export class CarrierWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly activities: CarrierActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start('carrier', this.activities);
  }
}
