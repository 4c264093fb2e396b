import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { isoDate, orderWorkflowId, taskQueueFor, type PurchaseOrder } from '@tradelane/contracts';
import {
  ProblemException,
  TEMPORAL_CLIENT,
  temporalConfig,
  unprocessable,
  type FieldProblem,
  type TemporalConfig,
} from '@tradelane/platform';
import { CatalogueItem } from '../catalogue/catalogue-item.entity';
import type { PurchaseOrderDto } from './dto/purchase-order.dto';
import { PurchaseOrderRecord } from './purchase-order.entity';
import { TRADING_CURRENCIES } from './trading-terms';

export interface SubmittedOrder {
  orderId: string;
  workflowId: string;
  status: string;
  replayed: boolean;
}

@Injectable()
export class PurchaseOrdersService {
  constructor(
    @InjectRepository(PurchaseOrderRecord) private readonly orders: Repository<PurchaseOrderRecord>,
    @InjectRepository(CatalogueItem) private readonly catalogue: Repository<CatalogueItem>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(temporalConfig.KEY) private readonly config: TemporalConfig,
  ) {}

  /** Step 1 arrives: check it against the catalogue, keep it, and start its workflow. */
  async submit(dto: PurchaseOrderDto): Promise<SubmittedOrder> {
    await this.check(dto);
    const bodyHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    if (dto.idempotencyKey) {
      const earlier = await this.orders.findOneBy({ buyerId: dto.buyerId, idempotencyKey: dto.idempotencyKey });
      if (earlier) return this.replay(earlier, bodyHash);
    }
    const now = new Date();
    const order: PurchaseOrder = {
      orderId: randomUUID(),
      buyerId: dto.buyerId,
      lines: dto.lines.map((line, i) => ({
        lineNo: i + 1,
        sku: line.sku,
        quantity: line.quantity,
        ...(line.priceCeilingMinor !== undefined ? { priceCeilingMinor: line.priceCeilingMinor } : {}),
      })),
      shipTo: { ...dto.shipTo },
      wantedBy: dto.wantedBy,
      currency: dto.currency,
      ...(dto.idempotencyKey ? { idempotencyKey: dto.idempotencyKey } : {}),
      submittedAt: now.toISOString(),
    };
    const inserted = await this.orders
      .createQueryBuilder()
      .insert()
      .values({
        orderId: order.orderId,
        buyerId: order.buyerId,
        idempotencyKey: dto.idempotencyKey ?? null,
        bodyHash,
        status: 'submitted',
        order,
        submittedAt: now,
        updatedAt: now,
      })
      .orIgnore()
      .returning(['orderId'])
      .execute();
    if (inserted.raw.length === 0) {
      // A concurrent submission with the same idempotency key got there first.
      const earlier = await this.orders.findOneByOrFail({ buyerId: dto.buyerId, idempotencyKey: dto.idempotencyKey! });
      return this.replay(earlier, bodyHash);
    }
    await this.start(order);
    return { orderId: order.orderId, workflowId: orderWorkflowId(order.orderId), status: 'submitted', replayed: false };
  }

  private async start(order: PurchaseOrder): Promise<void> {
    try {
      await this.temporal.workflow.start('orderWorkflow', {
        workflowId: orderWorkflowId(order.orderId),
        taskQueue: taskQueueFor('distributor', this.config.taskQueuePrefix),
        args: [order],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      await this.orders.delete({ orderId: order.orderId });
      throw error;
    }
  }

  private async replay(earlier: PurchaseOrderRecord, bodyHash: string): Promise<SubmittedOrder> {
    if (earlier.bodyHash !== bodyHash) {
      throw new ProblemException(
        409,
        'idempotency-key-reused',
        'Idempotency key already used',
        `idempotencyKey ${earlier.idempotencyKey} was used for a different purchase order (${earlier.orderId})`,
        [{ field: 'idempotencyKey', message: 'already used with a different body' }],
      );
    }
    // The first submission may have failed to start its workflow; starting again is safe.
    await this.start(earlier.order);
    return { orderId: earlier.orderId, workflowId: orderWorkflowId(earlier.orderId), status: earlier.status, replayed: true };
  }

  private async check(dto: PurchaseOrderDto): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!TRADING_CURRENCIES.includes(dto.currency)) {
      problems.push({ field: 'currency', message: `must be one of ${TRADING_CURRENCIES.join(', ')}` });
    }
    if (dto.wantedBy < isoDate(new Date())) problems.push({ field: 'wantedBy', message: 'must not be in the past' });
    const known = new Set(
      (await this.catalogue.findBy({ sku: In([...new Set(dto.lines.map((l) => l.sku))]) })).map((c) => c.sku),
    );
    const seen = new Map<string, number>();
    dto.lines.forEach((line, i) => {
      if (!known.has(line.sku)) problems.push({ field: `lines[${i}].sku`, message: `unknown SKU ${line.sku}` });
      else if (seen.has(line.sku)) {
        problems.push({ field: `lines[${i}].sku`, message: `${line.sku} is already on line ${seen.get(line.sku)! + 1}` });
      }
      seen.set(line.sku, seen.get(line.sku) ?? i);
    });
    if (problems.length > 0) throw unprocessable(problems);
  }

  async get(orderId: string): Promise<PurchaseOrderRecord | null> {
    return this.orders.findOneBy({ orderId });
  }
}
