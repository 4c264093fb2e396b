import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { RecordedMessage } from '@tradelane/contracts';
import { OrderMessage } from './order-message.entity';

@Injectable()
export class OrderMessagesService {
  constructor(@InjectRepository(OrderMessage) private readonly messages: Repository<OrderMessage>) {}

  /** Activity: keyed by order id and sequence number, so a retried record is written once. */
  async recordMessage(message: RecordedMessage): Promise<void> {
    await this.messages
      .createQueryBuilder()
      .insert()
      .values({
        orderId: message.orderId,
        seq: message.seq,
        step: message.step,
        name: message.name,
        senderRole: message.sender.role,
        senderId: message.sender.id,
        receiverRole: message.receiver.role,
        receiverId: message.receiver.id,
        sentAt: new Date(message.sentAt),
        payload: message.payload as object,
      })
      .orIgnore()
      .execute();
  }

  async forOrder(orderId: string): Promise<RecordedMessage[]> {
    const rows = await this.messages.find({ where: { orderId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({
      orderId: r.orderId,
      seq: r.seq,
      step: r.step,
      name: r.name,
      sender: { role: r.senderRole, id: r.senderId },
      receiver: { role: r.receiverRole, id: r.receiverId },
      sentAt: r.sentAt.toISOString(),
      payload: r.payload,
    }));
  }
}
