import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type {
  CarrierChoice,
  DistributorActivities as DistributorActivitiesContract,
  Location,
  OrderClosing,
  OrderLogHead,
  PartyRef,
  PartyTerms,
  PurchaseOrder,
  PurchaseOrderLine,
  RecordedMessage,
  SourcingPlan,
  StuckCompensation,
} from '@tradelane/contracts';
import { Metrics } from '@tradelane/platform';
import { StuckCompensationsService } from '../operations/stuck-compensations.service';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { OrderMetrics } from '../order-messages/order-metrics';
import { OrdersService } from '../orders/orders.service';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { SourcingService } from '../sourcing/sourcing.service';

/** The distributor's own steps of an order; the order runs most of them as local activities. */
@Injectable()
export class DistributorActivities implements DistributorActivitiesContract {
  private readonly metrics: OrderMetrics;

  constructor(
    private readonly messages: OrderMessagesService,
    private readonly sourcing: SourcingService,
    private readonly orders: OrdersService,
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly stuck: StuckCompensationsService,
    @InjectRepository(PurchaseOrderRecord) private readonly orderRows: Repository<PurchaseOrderRecord>,
    metrics: Metrics,
  ) {
    this.metrics = new OrderMetrics(metrics);
  }

  /** The last batch of an order's log carries its final status: one local activity for both. */
  async recordMessages(messages: RecordedMessage[], close?: OrderClosing): Promise<OrderLogHead | null> {
    const head = await this.messages.recordMessages(messages);
    if (close) await this.close(close);
    return head;
  }

  /** Counted when the status changes, not when a repeated write (a retried task) finds it set. */
  private async close(close: OrderClosing): Promise<void> {
    const before = await this.orderRows.findOne({ where: { orderId: close.orderId }, select: { status: true } });
    await this.orders.recordStatus(close.orderId, close.status, close.at);
    if (before && before.status !== close.status) this.metrics.orderFinished(close.status);
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
