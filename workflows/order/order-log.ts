import { CancellationScope, condition, patched } from '@temporalio/workflow';
import type { MessageName, OrderClosing, OrderEventName, OrderLogHead, PartyRef, RecordedMessage } from '../../libs/contracts/src';
import { MESSAGE_STEP } from '../../libs/contracts/src';
import { isoNow } from './clock';
import type { OwnSteps } from './distributor-steps';
import type { OrderState } from './order-state';

/** Entries an order keeps before writing them even though it is not waiting. */
const BATCH_LIMIT = 100;

export const LOG_WRITES_WHEN_ASKED_PATCH = 'order-log-writes-when-asked';

/**
 * The order's log: every message of the flow and every event between them, in the order they
 * happened. Each entry chains the hash of the one before it (the log is tamper-evident for
 * auditors), and the distributor's write refuses an entry whose predecessor is not stored yet, so
 * a write that overtakes another is retried until the other lands. A stretch that runs on by
 * itself is written once the order starts to wait or ends; while it waits, which may last, by the
 * end of the workflow task.
 *
 * A write is started where the workflow asks for it, never from the end of an earlier write: the
 * moment a local activity's result comes back is not the same in a replay as when the order ran
 * (a replay can hand it back in one activation with an update that came after it), so a write
 * started from there became an extra command on replay and a nondeterminism error.
 */
export class OrderLog {
  private seq = 0;
  private readonly unwritten: RecordedMessage[] = [];
  private closing?: OrderClosing;
  private flushing?: Promise<void>;
  private readonly whenAsked = patched(LOG_WRITES_WHEN_ASKED_PATCH);
  private due?: Promise<void>;
  private readonly writes = new Set<Promise<unknown>>();

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
    if (this.whenAsked) {
      while (this.due || this.writes.size > 0) await Promise.all([this.due, ...this.writes]);
      return;
    }
    while (this.flushing) await this.flushing;
  }

  private flush(): void {
    if (this.whenAsked) this.due ??= this.writeDue();
    else this.flushing ??= this.write();
  }

  /**
   * One write of everything recorded up to the end of the code this workflow task runs now; it
   * waits on no earlier write, only on the conditions being looked at once that code has run.
   */
  private async writeDue(): Promise<void> {
    await CancellationScope.nonCancellable(() => condition(() => true));
    this.due = undefined;
    const close = this.closing;
    this.closing = undefined;
    const batch = this.unwritten.splice(0);
    if (batch.length === 0 && !close) return;
    const steps = this.own.local;
    const write: Promise<OrderLogHead | null> = CancellationScope.nonCancellable(() =>
      close ? steps.recordMessages(batch, close) : steps.recordMessages(batch),
    );
    this.writes.add(write);
    try {
      await write;
    } finally {
      this.writes.delete(write);
    }
  }

  /** Before LOG_WRITES_WHEN_ASKED_PATCH: one write after another, each started from the last. */
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
