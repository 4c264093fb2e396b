import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { orderWorkflowId, type OrderView, type RecordedMessage } from '@tradelane/contracts';
import { WorkflowGateway, notFound, ownScope, type Caller } from '@tradelane/platform';
import { buyerDecisionUpdate, cancelOrderUpdate, orderViewQuery, type BuyerDecision, type CancelRequest } from '@tradelane/workflows';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import type { BuyerDecisionDto } from './dto/buyer-decision.dto';
import type { CancelOrderDto } from './dto/cancel-order.dto';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(PurchaseOrderRecord) private readonly orders: Repository<PurchaseOrderRecord>,
    private readonly messages: OrderMessagesService,
    private readonly workflows: WorkflowGateway,
  ) {}

  /** The list without each order's lines: 500 bulk orders would otherwise be hundreds of megabytes. */
  list(filter: { buyerId?: string; status?: string }, caller: Caller): Promise<Omit<PurchaseOrderRecord, 'order' | 'bodyHash'>[]> {
    const own = ownScope(caller);
    if (own && filter.buyerId && filter.buyerId !== own) return Promise.resolve([]);
    if (own) filter = { ...filter, buyerId: own };
    return this.orders.find({
      select: { orderId: true, buyerId: true, idempotencyKey: true, status: true, submittedAt: true, updatedAt: true },
      where: { ...(filter.buyerId ? { buyerId: filter.buyerId } : {}), ...(filter.status ? { status: filter.status } : {}) },
      order: { submittedAt: 'DESC' },
      take: 500,
    });
  }

  async view(orderId: string, caller: Caller): Promise<OrderView> {
    await this.mustExist(orderId, caller);
    return this.workflows.query(orderWorkflowId(orderId), orderViewQuery);
  }

  async messagesOf(orderId: string, caller: Caller): Promise<RecordedMessage[]> {
    await this.mustExist(orderId, caller);
    return this.messages.forOrder(orderId);
  }

  /** The buyer calls the order off; the request names the caller's actor, never a name from the body. */
  async cancel(orderId: string, dto: CancelOrderDto, caller: Caller): Promise<void> {
    await this.mustExist(orderId, caller);
    const request: CancelRequest = { requestedBy: caller.actor, reason: dto.reason };
    await this.workflows.update(orderWorkflowId(orderId), cancelOrderUpdate, request);
  }

  /** The buyer's answer to an escalated deadline; it names the caller's actor. */
  async decide(orderId: string, dto: BuyerDecisionDto, caller: Caller): Promise<void> {
    await this.mustExist(orderId, caller);
    const decision: BuyerDecision = { decision: dto.decision, decidedBy: caller.actor };
    await this.workflows.update(orderWorkflowId(orderId), buyerDecisionUpdate, decision);
  }

  /** Keeps the distributor's order list in step with the workflow's end state. */
  async recordStatus(orderId: string, status: string, at: string): Promise<void> {
    await this.orders.update({ orderId }, { status, updatedAt: new Date(at) });
  }

  /** Another buyer's order is answered like one that does not exist. */
  private async mustExist(orderId: string, caller: Caller): Promise<void> {
    const own = ownScope(caller);
    if (!(await this.orders.existsBy({ orderId, ...(own ? { buyerId: own } : {}) }))) throw notFound('order', orderId);
  }
}
