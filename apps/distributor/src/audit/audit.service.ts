import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '@tradelane/platform';
import { OrderMessage } from '../order-messages/order-message.entity';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { verifyOrderLog, type ChainedEntry, type Verification } from './order-log-verification';
import { timelineEntry, type TimelineEntry } from './timeline';

/** What auditors read from the order log: nothing here writes. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(OrderMessage) private readonly log: Repository<OrderMessage>,
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
    const rows = await this.log.find({ where: { orderId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({
      orderId: r.orderId,
      seq: r.seq,
      step: r.step,
      name: r.name,
      sender: { role: r.senderRole, id: r.senderId },
      receiver: { role: r.receiverRole, id: r.receiverId },
      sentAt: r.sentAt.toISOString(),
      payload: r.payload,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }
}
