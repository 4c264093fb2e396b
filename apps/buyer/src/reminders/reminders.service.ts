import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Reminder } from '@tradelane/contracts';
import { BuyerReminder } from './buyer-reminder.entity';

@Injectable()
export class RemindersService {
  constructor(@InjectRepository(BuyerReminder) private readonly reminders: Repository<BuyerReminder>) {}

  /** Keyed by order, what is awaited and its deadline, so a retry keeps one reminder. */
  async record(reminder: Reminder): Promise<void> {
    await this.reminders
      .createQueryBuilder()
      .insert()
      .values({
        orderId: reminder.orderId,
        waitingFor: reminder.waitingFor,
        deadline: new Date(reminder.deadline),
        receivedAt: new Date(),
      })
      .orIgnore()
      .execute();
  }

  forOrder(orderId: string): Promise<BuyerReminder[]> {
    return this.reminders.find({ where: { orderId }, order: { receivedAt: 'ASC' } });
  }
}
