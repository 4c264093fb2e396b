import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { orderWorkflowId, type OrderView, type PaymentNotice } from '@tradelane/contracts';
import { WorkflowGateway, conflict, notFound, type Caller } from '@tradelane/platform';
import { orderViewQuery, paymentNoticeUpdate } from '@tradelane/workflows';
import type { OrderConfirmationRecord } from '../order-confirmations/order-confirmation.entity';
import { OrderConfirmationsService } from '../order-confirmations/order-confirmations.service';
import { BuyerPayment } from '../payments/buyer-payment.entity';
import type { PaymentNoticeDto } from './dto/payment-notice.dto';

@Injectable()
export class BuyerOrdersService {
  constructor(
    private readonly confirmations: OrderConfirmationsService,
    @InjectRepository(BuyerPayment) private readonly payments: Repository<BuyerPayment>,
    private readonly workflows: WorkflowGateway,
  ) {}

  view(orderId: string): Promise<OrderView> {
    return this.workflows.query(orderWorkflowId(orderId), orderViewQuery);
  }

  async confirmationRecord(orderId: string, waitMs = 0): Promise<OrderConfirmationRecord> {
    const record = await this.confirmations.findWithin(orderId, waitMs);
    if (!record) throw notFound('order confirmation', orderId);
    return record;
  }

  findConfirmation(orderId: string): Promise<OrderConfirmationRecord | null> {
    return this.confirmations.find(orderId);
  }

  /** The buyer pays: the payment notice (step 7) goes to the gateway through the order, naming the caller's actor as payer. */
  async pay(orderId: string, dto: PaymentNoticeDto, confirmation: OrderConfirmationRecord | null, caller: Caller): Promise<PaymentNotice> {
    if (!confirmation) throw conflict(`order ${orderId} has no order confirmation yet; nothing is due`);
    if (await this.payments.existsBy({ orderId })) throw conflict(`order ${orderId} is already paid`);
    const notice: PaymentNotice = {
      orderId,
      buyerId: confirmation.buyerId,
      amount: { amountMinor: dto.amountMinor, currency: dto.currency },
      paymentReference: dto.paymentReference ?? `order ${orderId}`,
      paidBy: caller.actor,
    };
    await this.workflows.update(orderWorkflowId(orderId), paymentNoticeUpdate, notice);
    await this.payments
      .createQueryBuilder()
      .insert()
      .values({
        orderId,
        buyerId: notice.buyerId,
        amountMinor: notice.amount.amountMinor,
        currency: notice.amount.currency,
        paymentReference: notice.paymentReference,
        paidBy: notice.paidBy,
        paidAt: new Date(),
      })
      .orIgnore()
      .execute();
    return notice;
  }
}
