import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { BuyerActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { OrderConfirmationsService } from '../order-confirmations/order-confirmations.service';
import { RemindersService } from '../reminders/reminders.service';

/** The buyer's worker: order confirmations and reminders arrive here. */
@Injectable()
export class BuyerWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly confirmations: OrderConfirmationsService,
    private readonly reminders: RemindersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...activitiesOf(this.confirmations, ['receiveOrderConfirmation']),
      ...activitiesOf(this.reminders, ['remind']),
    } as unknown as BuyerActivities;
    await this.host.start('buyer', activities);
  }
}
