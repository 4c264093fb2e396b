import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DistributorActivities, OrderClosing, RecordedMessage } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { StuckCompensationsService } from '../operations/stuck-compensations.service';
import { OrdersService } from '../orders/orders.service';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { SourcingService } from '../sourcing/sourcing.service';

/** The distributor's worker runs the order workflows and the distributor's own (local) activities. */
@Injectable()
export class DistributorWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly messages: OrderMessagesService,
    private readonly sourcing: SourcingService,
    private readonly orders: OrdersService,
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly stuck: StuckCompensationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...activitiesOf(this.messages, ['recordMessage']),
      // The last batch of an order's log carries its final status: one local activity for both.
      recordMessages: async (messages: RecordedMessage[], close?: OrderClosing) => {
        await this.messages.recordMessages(messages);
        if (close) await this.orders.recordOrderStatus(close.orderId, close.status, close.at);
      },
      ...activitiesOf(this.sourcing, ['planSourcing', 'chooseCarriers', 'partyTerms']),
      ...activitiesOf(this.orders, ['recordOrderStatus']),
      ...activitiesOf(this.purchaseOrders, ['placeBackOrder']),
      ...activitiesOf(this.stuck, ['reportStuckCompensation', 'clearStuckCompensation']),
    } as unknown as DistributorActivities;
    await this.host.start('distributor', activities, {
      workflowsPath: require.resolve('../../../../workflows/order'),
    });
  }
}
