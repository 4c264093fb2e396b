import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageName, PartyRole } from '@tradelane/contracts';

/** One of the eight messages of an order, recorded as the workflow sends or receives it. */
@Entity({ name: 'order_messages' })
export class OrderMessage {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'int' })
  step: number;

  @Column({ type: 'text' })
  name: MessageName;

  @Column({ name: 'sender_role', type: 'text' })
  senderRole: PartyRole;

  @Column({ name: 'sender_id', type: 'text' })
  senderId: string;

  @Column({ name: 'receiver_role', type: 'text' })
  receiverRole: PartyRole;

  @Column({ name: 'receiver_id', type: 'text' })
  receiverId: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'jsonb' })
  payload: unknown;
}
