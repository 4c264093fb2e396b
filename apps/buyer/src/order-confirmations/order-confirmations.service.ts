import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { OrderConfirmation } from '@tradelane/contracts';
import { OrderConfirmationRecord } from './order-confirmation.entity';

@Injectable()
export class OrderConfirmationsService {
  constructor(
    @InjectRepository(OrderConfirmationRecord) private readonly confirmations: Repository<OrderConfirmationRecord>,
  ) {}

  /** Activity: step 6 reaches the buyer. Keyed by order id. */
  async receiveOrderConfirmation(confirmation: OrderConfirmation): Promise<void> {
    await this.confirmations
      .createQueryBuilder()
      .insert()
      .values({
        orderId: confirmation.orderId,
        buyerId: confirmation.buyerId,
        confirmation,
        amountDueMinor: confirmation.amountDue.amountMinor,
        currency: confirmation.amountDue.currency,
        receivedAt: new Date(),
      })
      .orIgnore()
      .execute();
  }

  find(orderId: string): Promise<OrderConfirmationRecord | null> {
    return this.confirmations.findOneBy({ orderId });
  }
}
