import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DistributorActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { OrdersService } from '../orders/orders.service';
import { SourcingService } from '../sourcing/sourcing.service';

/** The distributor's worker runs the order workflows and the distributor's own (local) activities. */
@Injectable()
export class DistributorWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly messages: OrderMessagesService,
    private readonly sourcing: SourcingService,
    private readonly orders: OrdersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...activitiesOf(this.messages, ['recordMessage']),
      ...activitiesOf(this.sourcing, ['planSourcing', 'chooseCarriers']),
      ...activitiesOf(this.orders, ['recordOrderStatus']),
    } as unknown as DistributorActivities;
    await this.host.start('distributor', activities, {
      workflowsPath: require.resolve('../../../../workflows/order'),
    });
  }
}
