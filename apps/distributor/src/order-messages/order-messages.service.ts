import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { Between, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RecordedMessage } from '@tradelane/contracts';
import { OrderMessage } from './order-message.entity';
import { entryHash } from './order-log-hash';

export type LoggedMessage = RecordedMessage & { prevHash: string | null; hash: string };

@Injectable()
export class OrderMessagesService {
  constructor(@InjectRepository(OrderMessage) private readonly messages: Repository<OrderMessage>) {}

  /**
   * Several consecutive entries of one order's log in one read and one insert. Keyed by
   * order id and sequence number, so a retry skips what is written. Each entry chains the hash of
   * the one before; the workflow writes batches one after another, so a missing predecessor can
   * only be a delivery that overtook it, and a retry will find it.
   */
  async recordMessages(messages: RecordedMessage[]): Promise<void> {
    const byOrder = new Map<string, RecordedMessage[]>();
    for (const m of messages) {
      const entries = byOrder.get(m.orderId) ?? [];
      entries.push(m);
      byOrder.set(m.orderId, entries);
    }
    for (const [orderId, entries] of byOrder) await this.writeChained(orderId, entries.sort((a, b) => a.seq - b.seq));
  }

  private async writeChained(orderId: string, entries: RecordedMessage[]): Promise<void> {
    const first = entries[0].seq;
    const last = entries[entries.length - 1].seq;
    // What is written already, and the predecessor of the first entry, in one round trip.
    const found = await this.messages.find({ where: { orderId, seq: Between(first - 1, last) }, select: { seq: true, hash: true } });
    const hashes = new Map(found.map((m) => [m.seq, m.hash]));
    const rows: QueryDeepPartialEntity<OrderMessage>[] = [];
    for (const message of entries) {
      if (hashes.has(message.seq)) continue;
      const prevHash = message.seq > 1 ? hashes.get(message.seq - 1) : null;
      if (prevHash === undefined) {
        throw ApplicationFailure.retryable(
          `order ${orderId}: entry ${message.seq - 1} is not recorded yet, so entry ${message.seq} cannot chain to it`,
          'OrderLogOutOfOrder',
        );
      }
      // Hash what will be read back: timestamptz comes back as a Date, jsonb as parsed JSON.
      const sentAt = new Date(message.sentAt);
      const payload = JSON.parse(JSON.stringify(message.payload ?? null)) as object;
      const hash = entryHash(prevHash, { ...message, sentAt: sentAt.toISOString(), payload });
      hashes.set(message.seq, hash);
      rows.push({
        orderId,
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
      });
    }
    if (rows.length > 0) await this.messages.createQueryBuilder().insert().values(rows).orIgnore().execute();
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
