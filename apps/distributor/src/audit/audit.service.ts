import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '@tradelane/platform';
import { MailboxService } from '../edi/mailbox.service';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { orderLogBundle, type OrderLogBundle } from './order-log-bundle';
import { verifyAnchoredLog, type AnchoredVerification, type ChainedEntry } from './order-log-verification';
import { byTime, documentEntry, type TimelineRow } from './document-entries';
import { timelineEntry } from './timeline';
import { WorkflowReplayService } from './workflow-replay.service';

export type VerifyResult = Omit<AnchoredVerification, 'coveredBy'>;

/** What auditors read from the order log: nothing here writes. */
@Injectable()
export class AuditService {
  constructor(
    private readonly log: OrderMessagesService,
    private readonly replays: WorkflowReplayService,
    private readonly checkpoints: CheckpointService,
    private readonly mailbox: MailboxService,
    @InjectRepository(PurchaseOrderRecord) private readonly orders: Repository<PurchaseOrderRecord>,
  ) {}

  async verify(orderId: string): Promise<VerifyResult> {
    const { coveredBy: _perEntry, ...result } = await this.anchored(orderId);
    return result;
  }

  /** The log's entries in order, and the order's EDI documents in and out placed among them by time. */
  async timeline(orderId: string): Promise<TimelineRow[]> {
    const entries = await this.entries(orderId);
    const [{ coveredBy }, documents] = await Promise.all([this.check(orderId, entries), this.mailbox.storedOfOrder(orderId)]);
    return byTime(
      entries.map((e) => timelineEntry(e, coveredBy.get(e.seq) ?? [])),
      documents.map(documentEntry),
    );
  }

  /** The order's log, the checkpoints from the first that holds it to the latest, and the keys that verify them. */
  async bundle(orderId: string): Promise<OrderLogBundle> {
    const [entries, checkpoints] = await Promise.all([this.entries(orderId), this.checkpoints.all()]);
    return orderLogBundle(orderId, entries, checkpoints, this.checkpoints.publicKeys());
  }

  async mustExist(orderId: string): Promise<void> {
    if (!(await this.orders.existsBy({ orderId }))) throw notFound('order', orderId);
  }

  private async anchored(orderId: string): Promise<AnchoredVerification> {
    return this.check(orderId, await this.entries(orderId));
  }

  private async check(orderId: string, entries: ChainedEntry[]): Promise<AnchoredVerification> {
    const [history, checkpoints] = await Promise.all([this.replays.historyAnchor(orderId), this.checkpoints.anchorFor(orderId)]);
    return verifyAnchoredLog(orderId, entries, { history, checkpoints });
  }

  private async entries(orderId: string): Promise<ChainedEntry[]> {
    await this.mustExist(orderId);
    return this.log.forOrder(orderId);
  }
}
