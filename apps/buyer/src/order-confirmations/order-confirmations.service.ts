import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { OrderConfirmation } from '@tradelane/contracts';
import { NotificationListener, notify } from '@tradelane/platform';
import { ConfirmationArrivals } from './confirmation-arrivals';
import { confirmationWaitConfig } from './confirmation-wait.config';
import { OrderConfirmationRecord } from './order-confirmation.entity';

/** Every replica listens here; the payload is the order id whose confirmation was stored. */
export const CONFIRMATION_STORED_CHANNEL = 'buyer_order_confirmation_stored';

@Injectable()
export class OrderConfirmationsService implements OnModuleInit, OnApplicationShutdown {
  private readonly arrivals = new ConfirmationArrivals(confirmationWaitConfig().recheckMs);
  private readonly listener: NotificationListener;

  constructor(
    @InjectRepository(OrderConfirmationRecord) private readonly confirmations: Repository<OrderConfirmationRecord>,
    config: ConfigService,
  ) {
    this.listener = new NotificationListener(config.getOrThrow<string>('database.url'));
    this.listener.on(CONFIRMATION_STORED_CHANNEL, (orderId) => this.arrivals.arrived(orderId));
    this.listener.onReconnect(() => this.arrivals.arrivedAny());
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.close();
  }

  /** Step 6 reaches the buyer. Keyed by order id. */
  async receive(confirmation: OrderConfirmation): Promise<void> {
    await this.confirmations.manager.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OrderConfirmationRecord)
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
      await notify(manager, CONFIRMATION_STORED_CHANNEL, confirmation.orderId);
    });
    // Waiters in this process need not wait for the notification's round trip.
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
