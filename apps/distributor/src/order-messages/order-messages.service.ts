import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { Between, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { OrderLogHead, RecordedMessage } from '@tradelane/contracts';
import { Metrics } from '@tradelane/platform';
import { OrderMessage } from './order-message.entity';
import { entryHash } from './order-log-hash';
import { OrderMetrics } from './order-metrics';
import { ANSWERED_NAMES, isAnswer, stepLatencies, subjectOf, type AnswerFacts, type LogEntryFacts } from './step-latency';

export type LoggedMessage = RecordedMessage & { prevHash: string | null; hash: string };

@Injectable()
export class OrderMessagesService {
  private readonly logger = new Logger(OrderMessagesService.name);
  private readonly metrics: OrderMetrics;

  constructor(
    @InjectRepository(OrderMessage) private readonly messages: Repository<OrderMessage>,
    metrics: Metrics,
  ) {
    this.metrics = new OrderMetrics(metrics);
  }

  /**
   * Several consecutive entries of one order's log in one read and one insert. Keyed by
   * order id and sequence number, so a retry skips what is written. Each entry chains the hash of
   * the one before; the workflow writes batches one after another, so a missing predecessor can
   * only be a delivery that overtook it, and a retry will find it.
   *
   * Returns the head of the log of the batch's last order after its last entry, as stored (a retry
   * that finds the rows written returns their hash), or null for an empty batch.
   */
  async recordMessages(messages: RecordedMessage[]): Promise<OrderLogHead | null> {
    const byOrder = new Map<string, RecordedMessage[]>();
    for (const m of messages) {
      const entries = byOrder.get(m.orderId) ?? [];
      entries.push(m);
      byOrder.set(m.orderId, entries);
    }
    let head: OrderLogHead | null = null;
    for (const [orderId, entries] of byOrder) head = await this.writeChained(orderId, entries.sort((a, b) => a.seq - b.seq));
    return head;
  }

  private async writeChained(orderId: string, entries: RecordedMessage[]): Promise<OrderLogHead> {
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
    const head = { orderId, seq: last, hash: hashes.get(last)! };
    if (rows.length === 0) return head;
    const inserted = await this.messages.createQueryBuilder().insert().values(rows).orIgnore().returning(['seq']).execute();
    // Only what this write inserted is counted: a retry finds the rest written already.
    const added = new Set((inserted.raw as Array<{ seq: number }>).map((r) => r.seq));
    const addedEntries = entries.filter((m) => added.has(m.seq));
    this.metrics.added(addedEntries);
    // The log is written; a response time that cannot be read now is lost rather than failing the write.
    await this.countResponses(orderId, addedEntries).catch((error: Error) =>
      this.logger.warn(`order ${orderId}: response times not counted: ${error.message}`),
    );
    return head;
  }

  /** Each answer added, timed from the message it answers. */
  private async countResponses(orderId: string, added: RecordedMessage[]): Promise<void> {
    const answers = added.filter((m) => isAnswer(m.name)).map(factsOf);
    if (answers.length === 0) return;
    const last = Math.max(...answers.map((a) => a.seq));
    // The messages answered were logged before (in this write or an earlier one): their times and subjects only.
    const earlier: Array<{ seq: number; name: LogEntryFacts['name']; sent_at: Date; subject_id: string | null; action: string | null }> =
      await this.messages.query(
        `SELECT seq, name, sent_at, COALESCE(payload->>'noticeId', payload->>'inquiryId') AS subject_id, payload->>'action' AS action
         FROM distributor.order_messages WHERE order_id = $1 AND seq < $2 AND name = ANY($3::text[])`,
        [orderId, last, ANSWERED_NAMES],
      );
    const requests: LogEntryFacts[] = earlier.map((r) => ({
      seq: r.seq,
      name: r.name,
      sentAt: r.sent_at,
      ...(r.subject_id !== null ? { subjectId: r.subject_id } : {}),
      ...(r.action !== null ? { action: r.action } : {}),
    }));
    this.metrics.answered(stepLatencies(answers, requests));
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

function factsOf(m: RecordedMessage): AnswerFacts {
  return { seq: m.seq, name: m.name, sender: m.sender, sentAt: new Date(m.sentAt), ...subjectOf(m.payload) };
}
