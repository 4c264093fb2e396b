import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageName, OrderEventName, PartyRole } from '@tradelane/contracts';

/** One of the eight messages of an order, or an event without a step, recorded as the workflow goes. */
@Entity({ name: 'order_messages' })
export class OrderMessage {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'int', nullable: true })
  step: number | null;

  @Column({ type: 'text' })
  name: MessageName | OrderEventName;

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

  /** The hash of entry seq - 1; null for the first entry. */
  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash: string | null;

  /** See entryHash: chains this entry's content to the one before. */
  @Column({ type: 'text' })
  hash: string;
}
