import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { In, Repository } from 'typeorm';
import type { RecordedMessage } from '@tradelane/contracts';
import { OrderMessage } from './order-message.entity';
import { entryHash } from './order-log-hash';

export type LoggedMessage = RecordedMessage & { prevHash: string | null; hash: string };

@Injectable()
export class OrderMessagesService {
  constructor(@InjectRepository(OrderMessage) private readonly messages: Repository<OrderMessage>) {}

  /**
   * Activity: keyed by order id and sequence number, so a retried record is written once. Each
   * entry chains the hash of the one before; the workflow writes them one after another, so a
   * missing predecessor can only be a delivery that overtook it, and a retry will find it.
   */
  /** Each entry chains the one before it, so a batch is written in order; a retry skips what is written. */
  async recordMessages(messages: RecordedMessage[]): Promise<void> {
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) await this.recordMessage(message);
  }

  async recordMessage(message: RecordedMessage): Promise<void> {
    // The entry itself (already written?) and its predecessor, in one round trip.
    const found = await this.messages.find({
      where: { orderId: message.orderId, seq: In([message.seq - 1, message.seq]) },
      select: { seq: true, hash: true },
    });
    if (found.some((m) => m.seq === message.seq)) return;
    let prevHash: string | null = null;
    if (message.seq > 1) {
      const prev = found.find((m) => m.seq === message.seq - 1);
      if (!prev) {
        throw ApplicationFailure.retryable(
          `order ${message.orderId}: entry ${message.seq - 1} is not recorded yet, so entry ${message.seq} cannot chain to it`,
          'OrderLogOutOfOrder',
        );
      }
      prevHash = prev.hash;
    }
    // Hash what will be read back: timestamptz comes back as a Date, jsonb as parsed JSON.
    const sentAt = new Date(message.sentAt);
    const payload = JSON.parse(JSON.stringify(message.payload ?? null)) as object;
    const hash = entryHash(prevHash, { ...message, sentAt: sentAt.toISOString(), payload });
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
        sentAt,
        payload,
        prevHash,
        hash,
      })
      .orIgnore()
      .execute();
  }

  /** The order's log in sequence, each entry with the hashes that chain it to the one before. */
  async forOrder(orderId: string): Promise<LoggedMessage[]> {
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
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }
}
