import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Reminder } from '@tradelane/contracts';

/** A nudge to the buyer: pay before the deadline, or decide what to do about a late party. */
@Entity({ name: 'reminders' })
export class BuyerReminder {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'waiting_for', type: 'text' })
  waitingFor: Reminder['waitingFor'];

  @PrimaryColumn({ type: 'timestamptz' })
  deadline: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
