import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { OrderConfirmation } from '@tradelane/contracts';
import { ConfirmationArrivals } from './confirmation-arrivals';
import { OrderConfirmationRecord } from './order-confirmation.entity';

@Injectable()
export class OrderConfirmationsService {
  constructor(
    @InjectRepository(OrderConfirmationRecord) private readonly confirmations: Repository<OrderConfirmationRecord>,
  ) {}

  private readonly arrivals = new ConfirmationArrivals();

  /** Step 6 reaches the buyer. Keyed by order id. */
  async receive(confirmation: OrderConfirmation): Promise<void> {
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
    this.arrivals.arrived(confirmation.orderId);
  }

  find(orderId: string): Promise<OrderConfirmationRecord | null> {
    return this.confirmations.findOneBy({ orderId });
  }

  /** The confirmation, waiting up to `waitMs` for it to arrive (long polling). */
  findWithin(orderId: string, waitMs: number): Promise<OrderConfirmationRecord | null> {
    return waitMs > 0 ? this.arrivals.waitFor(orderId, waitMs, () => this.find(orderId)) : this.find(orderId);
  }
}
