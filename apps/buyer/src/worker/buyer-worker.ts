import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { BuyerActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { OrderConfirmationsService } from '../order-confirmations/order-confirmations.service';

/** The buyer's worker: order confirmations arrive here. */
@Injectable()
export class BuyerWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly confirmations: OrderConfirmationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = activitiesOf(this.confirmations, ['receiveOrderConfirmation']) as unknown as BuyerActivities;
    await this.host.start('buyer', activities);
  }
}
