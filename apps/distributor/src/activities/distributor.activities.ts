import { Injectable } from '@nestjs/common';
import type {
  CarrierChoice,
  DistributorActivities as DistributorActivitiesContract,
  Location,
  OrderClosing,
  PartyRef,
  PartyTerms,
  PurchaseOrder,
  PurchaseOrderLine,
  RecordedMessage,
  SourcingPlan,
  StuckCompensation,
} from '@tradelane/contracts';
import { StuckCompensationsService } from '../operations/stuck-compensations.service';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { OrdersService } from '../orders/orders.service';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { SourcingService } from '../sourcing/sourcing.service';

/** The distributor's own steps of an order; the order runs most of them as local activities. */
@Injectable()
export class DistributorActivities implements DistributorActivitiesContract {
  constructor(
    private readonly messages: OrderMessagesService,
    private readonly sourcing: SourcingService,
    private readonly orders: OrdersService,
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly stuck: StuckCompensationsService,
  ) {}

  /** The last batch of an order's log carries its final status: one local activity for both. */
  async recordMessages(messages: RecordedMessage[], close?: OrderClosing): Promise<void> {
    await this.messages.recordMessages(messages);
    if (close) await this.orders.recordStatus(close.orderId, close.status, close.at);
  }

  planSourcing(order: PurchaseOrder): Promise<SourcingPlan> {
    return this.sourcing.plan(order);
  }

  chooseCarriers(origins: Location[], destinationCountry: string): Promise<CarrierChoice[]> {
    return this.sourcing.carriersFor(origins, destinationCountry);
  }

  partyTerms(parties: PartyRef[]): Promise<PartyTerms[]> {
    return this.sourcing.termsOf(parties);
  }

  placeBackOrder(parent: PurchaseOrder, lines: PurchaseOrderLine[]): Promise<string> {
    return this.purchaseOrders.placeBackOrder(parent, lines);
  }

  reportStuckCompensation(stuck: StuckCompensation): Promise<void> {
    return this.stuck.report(stuck);
  }

  clearStuckCompensation(orderId: string, compensationId: string, resolution: string): Promise<void> {
    return this.stuck.clear(orderId, compensationId, resolution);
  }
}
