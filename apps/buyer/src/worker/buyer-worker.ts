import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@tradelane/platform';
import { BuyerActivities } from '../activities/buyer.activities';

/** The buyer's worker: order confirmations and reminders arrive here. */
@Injectable()
export class BuyerWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly activities: BuyerActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start('buyer', this.activities);
  }
}
