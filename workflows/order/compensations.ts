import { condition } from '@temporalio/workflow';
import type { CompensationKind, CompensationRecord, PartyRef } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { isoNow } from './clock';
import type { DistributorSteps } from './distributor-steps';
import type { OrderLog } from './order-log';
import type { OrderState } from './order-state';

interface Compensation {
  compensationId: string;
  kind: CompensationKind;
  party: PartyRef;
  subjectId: string;
  run: (reason: string) => Promise<unknown>;
}

function errorText(error: unknown): string {
  let e = error as { cause?: unknown; message?: string } | undefined;
  while (e?.cause) e = e.cause as typeof e;
  return e?.message ?? String(error);
}

/**
 * The undo log of one order. Each effect on another party is registered before it is asked for,
 * so an undo never misses an effect that was in flight. Undo runs in reverse order.
 */
export class Compensations {
  private readonly pending: Compensation[] = [];

  constructor(
    private readonly state: OrderState,
    private readonly log: OrderLog,
    private readonly distributor: DistributorSteps,
  ) {}

  register(c: Omit<Compensation, 'compensationId'>): string {
    const compensationId = `${c.kind}:${c.subjectId}`;
    this.pending.push({ ...c, compensationId });
    return compensationId;
  }

  /** Runs one undo now (a withdrawn inquiry, a rejected booking) and forgets it. */
  async runNow(compensationId: string, reason: string): Promise<void> {
    const i = this.pending.findIndex((c) => c.compensationId === compensationId);
    if (i < 0) return;
    const [c] = this.pending.splice(i, 1);
    await c.run(reason);
  }

  /** The order went through: its effects stay. */
  clear(): void {
    this.pending.length = 0;
  }

  /**
   * Undoes everything, latest first. A compensation that still fails after its retries is
   * reported to operators; the order waits until each of those is retried or resolved by hand.
   */
  async undoAll(reason: string): Promise<void> {
    const stuck: Compensation[] = [];
    for (const c of this.pending.splice(0).reverse()) {
      if (!(await this.attempt(c, reason))) stuck.push(c);
    }
    for (const c of stuck) await this.untilResolved(c, reason);
  }

  private async attempt(c: Compensation, reason: string): Promise<boolean> {
    const record = this.recordOf(c);
    try {
      await c.run(reason);
      record.status = 'done';
      delete record.error;
      await this.log.record('compensation', DISTRIBUTOR, c.party, { compensationId: c.compensationId, kind: c.kind, subjectId: c.subjectId, reason });
      return true;
    } catch (error) {
      record.status = 'stuck';
      record.error = errorText(error);
      await this.log.record('compensation-stuck', DISTRIBUTOR, c.party, { compensationId: c.compensationId, kind: c.kind, error: record.error });
      await this.distributor.reportStuckCompensation({
        orderId: this.state.order.orderId,
        compensationId: c.compensationId,
        kind: c.kind,
        party: c.party,
        subjectId: c.subjectId,
        error: record.error,
        stuckAt: isoNow(),
      });
      return false;
    } finally {
      this.state.touch();
    }
  }

  private async untilResolved(c: Compensation, reason: string): Promise<void> {
    for (;;) {
      this.state.resolutions.delete(c.compensationId);
      const waiting = { kind: 'operator', compensationId: c.compensationId } as const;
      this.state.wait(waiting);
      this.log.waiting();
      await condition(() => this.state.resolutions.has(c.compensationId));
      this.state.drop(waiting);
      const resolution = this.state.resolutions.get(c.compensationId)!;
      await this.distributor.clearStuckCompensation(this.state.order.orderId, c.compensationId, resolution.resolution);
      if (resolution.resolution === 'resolved-manually') {
        this.recordOf(c).status = 'resolved-manually';
        await this.log.record('compensation-resolved', { role: 'distributor', id: resolution.resolvedBy }, c.party, resolution);
        return;
      }
      if (await this.attempt(c, reason)) return;
    }
  }

  private recordOf(c: Compensation): CompensationRecord {
    let record = this.state.view.compensations.find((r) => r.compensationId === c.compensationId);
    if (!record) {
      record = { compensationId: c.compensationId, kind: c.kind, subjectId: c.subjectId, status: 'done' };
      this.state.view.compensations.push(record);
    }
    return record;
  }
}
