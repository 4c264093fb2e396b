import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { Between, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { OrderLogHead, RecordedMessage } from '@tradelane/contracts';
import { Metrics } from '@tradelane/platform';
import { OrderMessage } from './order-message.entity';
import { canonicalJson, entryHash } from './order-log-hash';
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
   * the one before; a missing predecessor is a write that overtook the one before it, and a retry
   * will find it.
   *
   * A sequence number already taken by other content is a write from a workflow task attempt
   * that timed out after this ran: the retried task numbered its entries afresh, with what came
   * in meanwhile among them. Then the rest of the batch is matched by content instead, and what
   * the log lacks is added after its last entry, so nothing is dropped or written twice.
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
    const found = await this.messages.find({ where: { orderId, seq: Between(first - 1, last) }, select: { seq: true, hash: true, prevHash: true } });
    const stored = new Map(found.map((m) => [m.seq, m]));
    const hashes = new Map(found.map((m) => [m.seq, m.hash]));
    const rows: QueryDeepPartialEntity<OrderMessage>[] = [];
    let renumber: RecordedMessage[] = [];
    for (const [i, message] of entries.entries()) {
      const taken = stored.get(message.seq);
      if (taken) {
        if (taken.hash === hashOf(taken.prevHash, message)) continue;
        renumber = entries.slice(i);
        break;
      }
      const prevHash = message.seq > 1 ? hashes.get(message.seq - 1) : null;
      if (prevHash === undefined) {
        throw ApplicationFailure.retryable(
          `order ${orderId}: entry ${message.seq - 1} is not recorded yet, so entry ${message.seq} cannot chain to it`,
          'OrderLogOutOfOrder',
        );
      }
      const row = rowOf(message, message.seq, prevHash);
      hashes.set(message.seq, row.hash as string);
      rows.push(row);
    }
    let head = { orderId, seq: last, hash: hashes.get(last)! };
    let added = await this.insert(orderId, rows, entries);
    if (renumber.length > 0) {
      const appended = await this.appendMissing(orderId, renumber);
      head = appended.head;
      added = added.concat(appended.added);
    }
    this.metrics.added(added);
    // The log is written; a response time that cannot be read now is lost rather than failing the write.
    await this.countResponses(orderId, added).catch((error: Error) =>
      this.logger.warn(`order ${orderId}: response times not counted: ${error.message}`),
    );
    return head;
  }

  /** Inserts rows no other write took meanwhile; returns the entries this write added. */
  private async insert(orderId: string, rows: QueryDeepPartialEntity<OrderMessage>[], entries: RecordedMessage[]): Promise<RecordedMessage[]> {
    if (rows.length === 0) return [];
    const inserted = await this.messages.createQueryBuilder().insert().values(rows).orIgnore().returning(['seq']).execute();
    // Only what this write inserted is counted: a retry finds the rest written already.
    const added = new Set((inserted.raw as Array<{ seq: number }>).map((r) => r.seq));
    return entries.filter((m) => m.orderId === orderId && added.has(m.seq));
  }

  /** The entries whose content the log does not hold yet, after its last entry. */
  private async appendMissing(orderId: string, entries: RecordedMessage[]): Promise<{ head: OrderLogHead; added: RecordedMessage[] }> {
    const log = await this.messages.find({ where: { orderId }, order: { seq: 'ASC' } });
    const held = new Map<string, number>();
    for (const r of log) {
      const key = contentKey({ name: r.name, sender: { role: r.senderRole, id: r.senderId }, receiver: { role: r.receiverRole, id: r.receiverId }, payload: r.payload });
      held.set(key, (held.get(key) ?? 0) + 1);
    }
    let seq = log.at(-1)?.seq ?? 0;
    let hash = log.at(-1)?.hash ?? null;
    const rows: QueryDeepPartialEntity<OrderMessage>[] = [];
    const renumbered: RecordedMessage[] = [];
    for (const message of entries) {
      const key = contentKey(message);
      const count = held.get(key) ?? 0;
      if (count > 0) {
        held.set(key, count - 1);
        continue;
      }
      const row = rowOf(message, ++seq, hash);
      hash = row.hash as string;
      rows.push(row);
      renumbered.push({ ...message, seq });
    }
    if (rows.length > 0) {
      this.logger.warn(
        `order ${orderId}: entries ${entries.map((m) => m.seq).join(', ')} came numbered as a workflow task attempt that timed out had not numbered them; ${rows.length} added as ${rows.map((r) => r.seq as number).join(', ')}`,
      );
    }
    const added = await this.insert(orderId, rows, renumbered);
    if (added.length < rows.length) {
      throw ApplicationFailure.retryable(`order ${orderId}: another write added to the log meanwhile`, 'OrderLogOutOfOrder');
    }
    return { head: { orderId, seq, hash: hash! }, added };
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

/** Timestamptz comes back as a Date and jsonb as parsed JSON: the hash is of what will be read back. */
function rowOf(message: RecordedMessage, seq: number, prevHash: string | null): QueryDeepPartialEntity<OrderMessage> {
  const sentAt = new Date(message.sentAt);
  const payload = JSON.parse(JSON.stringify(message.payload ?? null)) as object;
  return {
    orderId: message.orderId,
    seq,
    step: message.step,
    name: message.name,
    senderRole: message.sender.role,
    senderId: message.sender.id,
    receiverRole: message.receiver.role,
    receiverId: message.receiver.id,
    sentAt,
    payload,
    prevHash,
    hash: entryHash(prevHash, { ...message, seq, sentAt: sentAt.toISOString(), payload }),
  };
}

function hashOf(prevHash: string | null, message: RecordedMessage): string {
  return rowOf(message, message.seq, prevHash).hash as string;
}

/** What an entry says, without when it was numbered and stamped. */
function contentKey(m: Pick<RecordedMessage, 'name' | 'sender' | 'receiver' | 'payload'>): string {
  return canonicalJson({ name: m.name, sender: { role: m.sender.role, id: m.sender.id }, receiver: { role: m.receiver.role, id: m.receiver.id }, payload: JSON.parse(JSON.stringify(m.payload ?? null)) as unknown });
}
