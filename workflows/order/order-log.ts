import { CancellationScope } from '@temporalio/workflow';
import type { MessageName, OrderClosing, OrderEventName, PartyRef, RecordedMessage } from '../../libs/contracts/src';
import { MESSAGE_STEP } from '../../libs/contracts/src';
import { isoNow } from './clock';
import type { OwnSteps } from './distributor-steps';
import type { OrderState } from './order-state';

/** Entries an order keeps before writing them even though it is not waiting. */
const BATCH_LIMIT = 100;

/**
 * The order's log: every message of the flow and every event between them, in the order they
 * happened. Entries are written in batches, one after another and never cancelled, so that each
 * can chain the hash of the one before it (the log is tamper-evident for auditors). A stretch that
 * runs on by itself is written once the order starts to wait or ends; while it waits, which may
 * last, by the end of the workflow task.
 */
export class OrderLog {
  private seq = 0;
  private readonly unwritten: RecordedMessage[] = [];
  private closing?: OrderClosing;
  private flushing?: Promise<void>;

  constructor(
    private readonly state: OrderState,
    private readonly own: OwnSteps,
  ) {}

  record(name: MessageName | OrderEventName, sender: PartyRef, receiver: PartyRef, payload: unknown): Promise<void> {
    this.unwritten.push({
      orderId: this.state.order.orderId,
      seq: ++this.seq,
      step: name in MESSAGE_STEP ? MESSAGE_STEP[name as MessageName] : null,
      name,
      sender,
      receiver,
      sentAt: isoNow(),
      payload,
    });
    if (this.state.waiting || this.unwritten.length >= BATCH_LIMIT) this.flush();
    return Promise.resolve();
  }

  /** The order starts to wait: what it recorded on its way there is written now. */
  waiting(): void {
    if (this.unwritten.length > 0) this.flush();
  }

  /** The order has ended: the rest of its log and its final status, in one write. */
  async close(status: 'completed' | 'cancelled'): Promise<void> {
    this.closing = { orderId: this.state.order.orderId, status, at: this.state.view.updatedAt };
    this.flush();
    await this.written();
  }

  /** Resolves once every entry recorded so far is in the log. */
  async written(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private flush(): void {
    this.flushing ??= this.write();
  }

  private async write(): Promise<void> {
    try {
      // Whatever the rest of this workflow task records goes in the same write.
      await this.own.settled();
      while (this.unwritten.length > 0 || this.closing) {
        // The batch is taken when its write starts: entries recorded meanwhile go with it.
        await CancellationScope.nonCancellable(() =>
          this.own.inTurn((steps) => {
            const close = this.closing;
            this.closing = undefined;
            const batch = this.unwritten.splice(0);
            return close ? steps.recordMessages(batch, close) : steps.recordMessages(batch);
          }),
        );
      }
    } finally {
      this.flushing = undefined;
    }
  }
}
