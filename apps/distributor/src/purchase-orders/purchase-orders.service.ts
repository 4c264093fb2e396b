import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { FAILURE, isoDate, orderWorkflowId, type PurchaseOrder, type PurchaseOrderLine } from '@tradelane/contracts';
import {
  ProblemException,
  refusal,
  TEMPORAL_CLIENT,
  temporalConfig,
  unprocessable,
  type FieldProblem,
  type TemporalConfig,
} from '@tradelane/platform';
import { CatalogueItem } from '../catalogue/catalogue-item.entity';
import { CsvRowsProblem, type PurchaseOrderCsv } from './csv/purchase-order-csv';
import type { PurchaseOrderInput, PurchaseOrderTerms } from './dto/purchase-order.dto';
import { backOrderKey, idempotencyKeyOf } from './idempotency-key';
import { backOrderContent, contentHash, orderContent, type OrderContent } from './order-content';
import { OrderStarter } from './order-starter';
import { PurchaseOrderRecord } from './purchase-order.entity';
import { TRADING_CURRENCIES } from './trading-terms';
import { SWEEP_INTERVAL_MS, UnkeptOrderSweep } from './unkept-order-sweep';

export interface SubmittedOrder {
  orderId: string;
  workflowId: string;
  status: string;
  replayed: boolean;
}

/** A line the distributor cannot take, by its index in the order. */
interface LineProblem {
  index: number;
  column: 'sku';
  message: string;
}

@Injectable()
export class PurchaseOrdersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PurchaseOrdersService.name);
  private readonly starter: OrderStarter;
  /** Ends order workflows left without their row; runs every minute. */
  readonly unkeptOrders: UnkeptOrderSweep;
  private sweeping?: NodeJS.Timeout;

  constructor(
    @InjectRepository(PurchaseOrderRecord) private readonly orders: Repository<PurchaseOrderRecord>,
    @InjectRepository(CatalogueItem) private readonly catalogue: Repository<CatalogueItem>,
    @Inject(TEMPORAL_CLIENT) temporal: Client,
    @Inject(temporalConfig.KEY) config: TemporalConfig,
  ) {
    this.starter = new OrderStarter(temporal, config.taskQueuePrefix);
    this.unkeptOrders = new UnkeptOrderSweep(temporal, orders, this.starter, config.taskQueuePrefix);
  }

  onApplicationBootstrap(): void {
    this.sweeping = setInterval(() => {
      this.unkeptOrders.sweep().catch((error: Error) => {
        // Temporal's Java test server has no visibility API: nothing to sweep with there.
        if (/UNIMPLEMENTED/.test(String(error.cause ?? error))) {
          clearInterval(this.sweeping);
          this.logger.warn('Temporal has no visibility API here: no sweep for order workflows without their purchase order');
          return;
        }
        this.logger.warn(`sweep for order workflows without their purchase order failed: ${error.message}`);
      });
    }, SWEEP_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeping);
  }

  /** Step 1 arrives as JSON: check it against the terms and the catalogue, keep it, and start its workflow. */
  async submit(input: PurchaseOrderInput, submittedBy: string, headerKey?: string): Promise<SubmittedOrder> {
    const key = idempotencyKeyOf(input.idempotencyKey, headerKey);
    const { fields, lines } = await this.problemsOf(input, (index) => `line ${index + 1}`);
    if (fields.length > 0 || lines.length > 0) {
      throw unprocessable([...fields, ...lines.map((p) => ({ field: `lines[${p.index}].${p.column}`, message: p.message }))]);
    }
    return this.keepAndStart(orderContent(input), key, submittedBy);
  }

  /** Step 1 arrives as a CSV of lines plus the rest of the order; any bad row refuses the whole file. */
  async submitCsv(terms: PurchaseOrderTerms, csv: PurchaseOrderCsv, submittedBy: string, headerKey?: string): Promise<SubmittedOrder> {
    const key = idempotencyKeyOf(terms.idempotencyKey, headerKey);
    const input: PurchaseOrderInput = { ...terms, lines: csv.lines.map((l) => l.line) };
    const { fields, lines } = await this.problemsOf(input, (index) => `row ${csv.lines[index].row}`);
    if (csv.problems.length > 0 || fields.length > 0 || lines.length > 0) {
      throw new CsvRowsProblem(
        [...csv.problems, ...lines.map((p) => ({ row: csv.lines[p.index].row, column: p.column, message: p.message }))],
        fields.map((f) => ({ ...f, field: `order.${f.field}` })),
      );
    }
    return this.keepAndStart(orderContent(input), key, submittedBy);
  }

  /**
   * Keeps and starts the follow-up order for what a partial fill left out. Keyed by the
   * parent, so a second delivery returns the same order and starts nothing new.
   */
  async placeBackOrder(parent: PurchaseOrder, lines: PurchaseOrderLine[]): Promise<string> {
    if (lines.length === 0) {
      throw refusal(FAILURE.emptyBackOrder, `nothing to back-order for ${parent.orderId}`, { field: 'lines', reason: 'no lines to back-order' });
    }
    if (parent.backOrderOf) {
      throw refusal(
        FAILURE.backOrderOfBackOrder,
        `${parent.orderId} is itself a back-order of ${parent.backOrderOf}; back-orders accept what they get`,
        { field: 'backOrderOf', reason: 'a back-order is not back-ordered again' },
      );
    }
    try {
      return (await this.keepAndStart(backOrderContent(parent, lines), backOrderKey(parent.orderId))).orderId;
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 409) {
        throw refusal(FAILURE.backOrderConflict, `a different back-order of ${parent.orderId} was placed already`, {
          reason: 'a different back-order was placed already',
        });
      }
      throw error;
    }
  }

  async get(orderId: string): Promise<PurchaseOrderRecord | null> {
    return this.orders.findOneBy({ orderId });
  }

  /**
   * Keeps an order once per idempotency key and starts its workflow; a repeat returns the first.
   * Who submitted is not part of the content: the same order sent again by a colleague is a repeat.
   */
  private async keepAndStart(content: OrderContent, idempotencyKey: string | undefined, submittedBy?: string): Promise<SubmittedOrder> {
    const bodyHash = contentHash(content);
    if (idempotencyKey) {
      const earlier = await this.orders.findOneBy({ buyerId: content.buyerId, idempotencyKey });
      if (earlier) return this.replay(earlier, bodyHash);
    }
    const now = new Date();
    const order: PurchaseOrder = {
      orderId: randomUUID(),
      ...content,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(submittedBy ? { submittedBy } : {}),
      submittedAt: now.toISOString(),
    };
    const record = {
      orderId: order.orderId,
      buyerId: order.buyerId,
      idempotencyKey: idempotencyKey ?? null,
      bodyHash,
      status: 'submitted',
      order,
      submittedAt: now,
      updatedAt: now,
    };
    if (!(await this.keepWithWorkflow(order, record))) {
      // A concurrent submission with the same idempotency key got there first.
      const earlier = await this.orders.findOneByOrFail({ buyerId: content.buyerId, idempotencyKey: idempotencyKey! });
      return this.replay(earlier, bodyHash);
    }
    return { orderId: order.orderId, workflowId: orderWorkflowId(order.orderId), status: 'submitted', replayed: false };
  }

  /**
   * The row and the workflow are made as one: the row is inserted in a transaction that commits
   * only after the workflow has started, so a start that fails leaves no row (and the database
   * was up a moment before, so a stopped PostgreSQL starts nothing). What can still go wrong is a
   * workflow without its row: a start whose answer was lost, or a commit that failed after the
   * start. That workflow is ended at once, or by the sweep when Temporal cannot be reached now.
   * Returns false when a concurrent submission with the same idempotency key was kept instead.
   */
  private async keepWithWorkflow(order: PurchaseOrder, record: Partial<PurchaseOrderRecord>): Promise<boolean> {
    let mayHaveStarted = false;
    try {
      return await this.orders.manager.transaction(async (tx) => {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(PurchaseOrderRecord)
          .values(record)
          .orIgnore()
          .returning(['orderId'])
          .execute();
        if (inserted.raw.length === 0) return false;
        mayHaveStarted = true;
        await this.starter.start(order);
        return true;
      });
    } catch (error) {
      // Whatever failed after the start was asked for, its outcome may be a workflow: end it.
      if (mayHaveStarted) await this.starter.discard(orderWorkflowId(order.orderId));
      throw error;
    }
  }

  private async replay(earlier: PurchaseOrderRecord, bodyHash: string): Promise<SubmittedOrder> {
    if (earlier.bodyHash !== bodyHash) {
      throw new ProblemException(
        409,
        'idempotency-key-reused',
        'Idempotency key already used',
        `idempotency key ${earlier.idempotencyKey} was used for a different purchase order (${earlier.orderId})`,
        [{ field: 'idempotencyKey', message: 'already used with a different body' }],
      );
    }
    // A kept order's workflow was started before its row was committed: a repeat needs only the row.
    return { orderId: earlier.orderId, workflowId: orderWorkflowId(earlier.orderId), status: earlier.status, replayed: true };
  }

  /** What the distributor cannot take: terms it does not trade on, and SKUs it does not sell or that repeat. */
  private async problemsOf(
    input: PurchaseOrderInput,
    where: (lineIndex: number) => string,
  ): Promise<{ fields: FieldProblem[]; lines: LineProblem[] }> {
    const fields: FieldProblem[] = [];
    if (!TRADING_CURRENCIES.includes(input.currency)) {
      fields.push({ field: 'currency', message: `must be one of ${TRADING_CURRENCIES.join(', ')}` });
    }
    if (input.wantedBy < isoDate(new Date())) fields.push({ field: 'wantedBy', message: 'must not be in the past' });
    const known = await this.knownSkus(input.lines.map((l) => l.sku));
    const lines: LineProblem[] = [];
    const firstIndex = new Map<string, number>();
    input.lines.forEach(({ sku }, index) => {
      const first = firstIndex.get(sku);
      if (!known.has(sku)) lines.push({ index, column: 'sku', message: `unknown SKU ${sku}` });
      else if (first !== undefined) lines.push({ index, column: 'sku', message: `${sku} is already on ${where(first)}` });
      if (first === undefined) firstIndex.set(sku, index);
    });
    return { fields, lines };
  }

  /** One query, however many lines. */
  private async knownSkus(skus: string[]): Promise<Set<string>> {
    if (skus.length === 0) return new Set();
    const rows = await this.catalogue
      .createQueryBuilder('item')
      .select('item.sku', 'sku')
      .where('item.sku = ANY(:skus)', { skus: [...new Set(skus)] })
      .getRawMany<{ sku: string }>();
    return new Set(rows.map((r) => r.sku));
  }
}
