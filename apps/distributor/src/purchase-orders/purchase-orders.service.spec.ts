import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { addDays, isoDate } from '@tradelane/contracts';
import { unavailableDependencyOf, type TemporalConfig } from '@tradelane/platform';
import type { Repository } from 'typeorm';
import type { CatalogueItem } from '../catalogue/catalogue-item.entity';
import type { PurchaseOrderInput } from './dto/purchase-order.dto';
import type { PurchaseOrderRecord } from './purchase-order.entity';
import { PurchaseOrdersService } from './purchase-orders.service';

const input: PurchaseOrderInput = {
  buyerId: 'muster-maschinenbau',
  lines: [{ sku: 'NUT-M8', quantity: 10 }],
  shipTo: { name: 'Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' },
  wantedBy: addDays(isoDate(new Date()), 21),
  currency: 'EUR',
} as PurchaseOrderInput;

const grpcUnavailable = () =>
  Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established', metadata: {} });
const adminShutdown = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

/**
 * The pair "row and workflow" with the database and Temporal faked: what is kept (the transaction
 * commits) and what is started or ended, when the start fails, the commit fails, or both succeed.
 */
function service(opts: { start?: () => Promise<unknown>; commit?: () => Promise<void>; inserted?: boolean } = {}) {
  const events: string[] = [];
  const insert = {
    insert: () => insert,
    into: () => insert,
    values: () => insert,
    orIgnore: () => insert,
    returning: () => insert,
    execute: async () => {
      events.push('insert');
      return { raw: opts.inserted === false ? [] : [{ order_id: 'x' }] };
    },
  };
  const orders = {
    findOneBy: async () => null,
    manager: {
      async transaction<T>(work: (tx: unknown) => Promise<T>): Promise<T> {
        let result: T;
        try {
          result = await work({ createQueryBuilder: () => insert });
        } catch (error) {
          events.push('rollback');
          throw error;
        }
        await (opts.commit ?? (async () => undefined))();
        events.push('commit');
        return result;
      },
    },
  } as unknown as Repository<PurchaseOrderRecord>;
  const skus = { select: () => skus, where: () => skus, getRawMany: async () => [{ sku: 'NUT-M8' }] };
  const catalogue = { createQueryBuilder: () => skus } as unknown as Repository<CatalogueItem>;
  const temporal = {
    withDeadline: (_: number, fn: () => Promise<unknown>) => fn(),
    workflow: {
      start: async (_type: string, options: { workflowId: string }) => {
        events.push(`start ${options.workflowId.slice(0, 6)}`);
        return (opts.start ?? (async () => undefined))();
      },
      getHandle: (workflowId: string) => ({
        terminate: async () => {
          events.push(`terminate ${workflowId.slice(0, 6)}`);
          throw new WorkflowNotFoundError('not found', workflowId, undefined);
        },
      }),
    },
  } as unknown as Client;
  return { events, purchaseOrders: new PurchaseOrdersService(orders, catalogue, temporal, { taskQueuePrefix: '' } as TemporalConfig) };
}

describe('PurchaseOrdersService: an order is kept together with its workflow, or neither', () => {
  it('keeps the row only after the workflow started (the commit comes last)', async () => {
    const { events, purchaseOrders } = service();
    const submitted = await purchaseOrders.submit(input, 'api-key:test', 'po-1');
    expect(submitted).toMatchObject({ status: 'submitted', replayed: false, workflowId: `order:${submitted.orderId}` });
    expect(events).toEqual(['insert', 'start order:', 'commit']);
  });

  it('rolls the row back when Temporal cannot be reached, and ends a workflow the lost answer may have started', async () => {
    const { events, purchaseOrders } = service({ start: () => Promise.reject(new Error('Failed to start Workflow', { cause: grpcUnavailable() })) });
    const error = await purchaseOrders.submit(input, 'api-key:test').catch((e: unknown) => e);
    expect(unavailableDependencyOf(error)).toBe('temporal');
    expect(events).toEqual(['insert', 'start order:', 'rollback', 'terminate order:']);
  });

  it('ends the started workflow again when the commit fails (PostgreSQL went away after the start)', async () => {
    const { events, purchaseOrders } = service({ commit: () => Promise.reject(adminShutdown()) });
    const error = await purchaseOrders.submit(input, 'api-key:test').catch((e: unknown) => e);
    expect(unavailableDependencyOf(error)).toBe('database');
    expect(events).toEqual(['insert', 'start order:', 'terminate order:']);
  });

  it('starts nothing when a concurrent submission with the same key was kept first', async () => {
    const { events, purchaseOrders } = service({ inserted: false });
    await purchaseOrders.submit(input, 'api-key:test', 'po-1').catch(() => undefined);
    expect(events).toEqual(['insert', 'commit']);
  });
});
