import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { orderWorkflowId, type Address, type OrderView, type PurchaseOrderLine, type RecordedMessage } from '@tradelane/contracts';
import { ProblemException, WorkflowGateway, notFound, ownScope, type Caller } from '@tradelane/platform';
import { buyerDecisionUpdate, cancelOrderUpdate, orderViewQuery, type BuyerDecision, type CancelRequest } from '@tradelane/workflows';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import type { BuyerDecisionDto } from './dto/buyer-decision.dto';
import type { CancelOrderDto } from './dto/cancel-order.dto';
import { ORDER_PAGE_DEFAULT_LIMIT, type OrderFilterDto, type OrderRowStatus, type OrderSort, type OrderSummaryDto } from './dto/order-filter.dto';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';

/** The order's view (its workflow's) with the lines, ship-to, wanted-by date and currency it was ordered with. */
export type OrderWithLines = OrderView & { lines: PurchaseOrderLine[]; shipTo: Address; wantedBy: string; currency: string };

export interface OrderPage {
  items: OrderSummaryDto[];
  nextCursor: string | null;
}

/**
 * Each sort's key: as the query orders by it, as it is written into a cursor (lossless: a
 * timestamp to the microsecond), and the cast that reads it back.
 */
const SORT_KEYS = {
  createdAt: {
    key: 'submitted_at',
    keyText: `to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cast: '::timestamptz',
  },
  wantedBy: { key: `COALESCE("order"->>'wantedBy', '')`, keyText: `COALESCE("order"->>'wantedBy', '')`, cast: '::text' },
} as const;

interface OrderRow {
  order_id: string;
  buyer_id: string;
  idempotency_key: string | null;
  status: OrderRowStatus;
  submitted_at: Date;
  updated_at: Date;
  wanted_by: string;
  currency: string;
  line_count: number;
  back_order_of: string | null;
  sort_key: string;
}

function summaryOf(row: OrderRow): OrderSummaryDto {
  return {
    orderId: row.order_id,
    buyerId: row.buyer_id,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    wantedBy: row.wanted_by,
    currency: row.currency,
    lineCount: Number(row.line_count),
    backOrderOf: row.back_order_of,
  };
}

/** The last instant a `createdTo` covers: a date alone means the whole of that day (UTC). */
function endOf(createdTo: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(createdTo) ? new Date(`${createdTo}T23:59:59.999Z`) : new Date(createdTo);
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(PurchaseOrderRecord) private readonly orders: Repository<PurchaseOrderRecord>,
    private readonly messages: OrderMessagesService,
    private readonly workflows: WorkflowGateway,
  ) {}

  /**
   * One page of the orders taken in, without their lines (bulk orders would make a page huge).
   * Keyset paging on (sort key, order id): a page starts after the last row of the one before, so
   * orders taken in meanwhile neither repeat nor skip rows. A buyer sees only its own.
   */
  async list(filter: OrderFilterDto, caller: Caller): Promise<OrderPage> {
    const own = ownScope(caller);
    if (own && filter.buyerId && filter.buyerId !== own) return { items: [], nextCursor: null };
    const sort: OrderSort = filter.sort ?? '-createdAt';
    const limit = filter.limit ?? ORDER_PAGE_DEFAULT_LIMIT;
    const cursor = filter.cursor === undefined ? undefined : decodeOrderCursor(filter.cursor, sort);
    const from = filter.createdFrom === undefined ? undefined : new Date(filter.createdFrom);
    const to = filter.createdTo === undefined ? undefined : endOf(filter.createdTo);
    if (from && to && from.getTime() > to.getTime()) {
      throw new ProblemException(400, 'validation', 'Invalid request', 'createdTo: must not be before createdFrom', [
        { field: 'createdTo', message: 'must not be before createdFrom' },
      ]);
    }

    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const buyerId = own ?? filter.buyerId;
    if (buyerId) where.push(`buyer_id = ${param(buyerId)}`);
    if (filter.status?.length) where.push(`status = ANY(${param([...new Set(filter.status)])}::text[])`);
    if (from) where.push(`submitted_at >= ${param(from.toISOString())}::timestamptz`);
    if (to) where.push(`submitted_at <= ${param(to.toISOString())}::timestamptz`);
    if (filter.q !== undefined) {
      const q = filter.q.trim();
      const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
      // The SKU matches whole, through the lines' GIN index; ids by their beginning, references anywhere.
      where.push(`(
        order_id::text LIKE ${param(`${like.toLowerCase()}%`)}
        OR idempotency_key ILIKE ${param(`%${like}%`)}
        OR "order"->'lines' @> ${param(JSON.stringify([{ sku: q }]))}::jsonb
        OR "order"->'lines' @> ${param(JSON.stringify([{ sku: q.toUpperCase() }]))}::jsonb
      )`);
    }
    const { key, keyText, cast } = SORT_KEYS[sort.replace(/^-/, '') as 'createdAt' | 'wantedBy'];
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    if (cursor) {
      where.push(`(${key}, order_id) ${direction === 'DESC' ? '<' : '>'} (${param(cursor.key)}${cast}, ${param(cursor.orderId)}::uuid)`);
    }
    const rows: OrderRow[] = await this.orders.query(
      `SELECT order_id, buyer_id, idempotency_key, status, submitted_at, updated_at,
              "order"->>'wantedBy' AS wanted_by, "order"->>'currency' AS currency,
              jsonb_array_length("order"->'lines') AS line_count, "order"->>'backOrderOf' AS back_order_of,
              ${keyText} AS sort_key
         FROM distributor.purchase_orders
        ${where.length ? `WHERE ${where.join('\n          AND ')}` : ''}
        ORDER BY ${key} ${direction}, order_id ${direction}
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(summaryOf),
      nextCursor: rows.length > limit && last ? encodeOrderCursor({ sort, key: last.sort_key, orderId: last.order_id }) : null,
    };
  }

  /** The workflow's view of the order, with what the buyer asked for from the stored purchase order. */
  async view(orderId: string, caller: Caller): Promise<OrderWithLines> {
    const own = ownScope(caller);
    const record = await this.orders.findOne({ select: { orderId: true, order: true }, where: { orderId, ...(own ? { buyerId: own } : {}) } });
    if (!record) throw notFound('order', orderId);
    const view = await this.workflows.query(orderWorkflowId(orderId), orderViewQuery);
    const { lines, shipTo, wantedBy, currency } = record.order;
    return { ...view, lines, shipTo, wantedBy, currency };
  }

  async messagesOf(orderId: string, caller: Caller): Promise<RecordedMessage[]> {
    await this.mustExist(orderId, caller);
    return this.messages.forOrder(orderId);
  }

  /** The buyer calls the order off; the request names the caller's actor, never a name from the body. */
  async cancel(orderId: string, dto: CancelOrderDto, caller: Caller): Promise<void> {
    await this.mustExist(orderId, caller);
    const request: CancelRequest = { requestedBy: caller.actor, reason: dto.reason };
    await this.workflows.update(orderWorkflowId(orderId), cancelOrderUpdate, request);
  }

  /** The buyer's answer to an escalated deadline; it names the caller's actor. */
  async decide(orderId: string, dto: BuyerDecisionDto, caller: Caller): Promise<void> {
    await this.mustExist(orderId, caller);
    const decision: BuyerDecision = { decision: dto.decision, decidedBy: caller.actor };
    await this.workflows.update(orderWorkflowId(orderId), buyerDecisionUpdate, decision);
  }

  /** Keeps the distributor's order list in step with the workflow's end state. */
  async recordStatus(orderId: string, status: string, at: string): Promise<void> {
    await this.orders.update({ orderId }, { status, updatedAt: new Date(at) });
  }

  /** Another buyer's order is answered like one that does not exist. */
  private async mustExist(orderId: string, caller: Caller): Promise<void> {
    const own = ownScope(caller);
    if (!(await this.orders.existsBy({ orderId, ...(own ? { buyerId: own } : {}) }))) throw notFound('order', orderId);
  }
}
