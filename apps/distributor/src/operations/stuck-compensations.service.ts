import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { orderWorkflowId, type StuckCompensation } from '@tradelane/contracts';
import { Metrics, WorkflowGateway, notFound, type Caller } from '@tradelane/platform';
import { resolveCompensationUpdate } from '@tradelane/workflows';
import type { CompensationResolutionDto } from './dto/compensation-resolution.dto';
import { operationsGauges } from './operations-gauges';
import { StuckCompensationRecord } from './stuck-compensation.entity';

@Injectable()
export class StuckCompensationsService {
  constructor(
    @InjectRepository(StuckCompensationRecord) private readonly stuck: Repository<StuckCompensationRecord>,
    private readonly orders: WorkflowGateway,
    metrics: Metrics,
  ) {
    operationsGauges(metrics, (sql) => this.stuck.query(sql));
  }

  /** A compensation gave up; keep it where operators look. */
  async report(s: StuckCompensation): Promise<void> {
    await this.stuck
      .createQueryBuilder()
      .insert()
      .values({
        orderId: s.orderId,
        compensationId: s.compensationId,
        kind: s.kind,
        partyRole: s.party.role,
        partyId: s.party.id,
        subjectId: s.subjectId,
        error: s.error,
        stuckAt: new Date(s.stuckAt),
        status: 'open',
        resolvedAt: null,
      })
      .orUpdate(['error', 'stuck_at', 'status', 'resolved_at'], ['order_id', 'compensation_id'])
      .execute();
  }

  /** The order has the operator's resolution. */
  async clear(orderId: string, compensationId: string, resolution: string): Promise<void> {
    await this.stuck.update(
      { orderId, compensationId },
      { status: resolution === 'retry' ? 'retried' : 'resolved-manually', resolvedAt: new Date() },
    );
  }

  list(status?: string): Promise<StuckCompensationRecord[]> {
    return this.stuck.find({ where: status ? { status: status as StuckCompensationRecord['status'] } : {}, order: { stuckAt: 'ASC' }, take: 500 });
  }

  /** An operator resolves a stuck compensation; the resolution names the caller's actor, never a name from the body. */
  async resolve(orderId: string, compensationId: string, dto: CompensationResolutionDto, caller: Caller): Promise<void> {
    const row = await this.stuck.findOneBy({ orderId, compensationId });
    if (!row) throw notFound('stuck compensation', `${orderId}/${compensationId}`);
    await this.orders.update(orderWorkflowId(orderId), resolveCompensationUpdate, {
      compensationId,
      resolution: dto.resolution,
      resolvedBy: caller.actor,
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    });
  }
}
