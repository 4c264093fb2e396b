import { Injectable } from '@nestjs/common';
import type { BuyerActivities as BuyerActivitiesContract, OrderConfirmation, Reminder } from '@tradelane/contracts';
import { OrderConfirmationsService } from '../order-confirmations/order-confirmations.service';
import { RemindersService } from '../reminders/reminders.service';

/** What the order tells the buyer, on the buyer's task queue. */
@Injectable()
export class BuyerActivities implements BuyerActivitiesContract {
  constructor(
    private readonly confirmations: OrderConfirmationsService,
    private readonly reminders: RemindersService,
  ) {}

  receiveOrderConfirmation(confirmation: OrderConfirmation): Promise<void> {
    return this.confirmations.receive(confirmation);
  }

  remind(reminder: Reminder): Promise<void> {
    return this.reminders.record(reminder);
  }
}
