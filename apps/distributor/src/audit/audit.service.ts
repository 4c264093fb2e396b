import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '@tradelane/platform';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { verifyOrderLog, type ChainedEntry, type Verification } from './order-log-verification';
import { timelineEntry, type TimelineEntry } from './timeline';

/** What auditors read from the order log: nothing here writes. */
@Injectable()
export class AuditService {
  constructor(
    private readonly log: OrderMessagesService,
    @InjectRepository(PurchaseOrderRecord) private readonly orders: Repository<PurchaseOrderRecord>,
  ) {}

  async verify(orderId: string): Promise<Verification> {
    return verifyOrderLog(orderId, await this.entries(orderId));
  }

  async timeline(orderId: string): Promise<TimelineEntry[]> {
    return (await this.entries(orderId)).map(timelineEntry);
  }

  async mustExist(orderId: string): Promise<void> {
    if (!(await this.orders.existsBy({ orderId }))) throw notFound('order', orderId);
  }

  private async entries(orderId: string): Promise<ChainedEntry[]> {
    await this.mustExist(orderId);
    return this.log.forOrder(orderId);
  }
}
