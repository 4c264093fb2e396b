import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import type { PaymentNotice } from '@tradelane/contracts';
import { currencyCode, positiveAmountMinor } from '../../../../test/support/arbitraries';
import { LedgerService } from '../ledger/ledger.service';
import { PaymentNoticesService } from '../payment-notices/payment-notices.service';
import type { PayerAccountsService } from '../payer-accounts/payer-accounts.service';
import type { TransferNoticeDelivery } from '../transfer-notices/transfer-notice-delivery';
import { RefundsService } from './refunds.service';

/**
 * The payment and refund services as they run, over an in-memory stand-in for the few calls they
 * make on a transaction (rows found, inserted and checked by their keys; ledger entries inserted).
 * What the database adds (locks, constraints) the integration test covers on a real PostgreSQL.
 */
type Row = Record<string, unknown>;

interface LedgerRow {
  journalId: string;
  orderId: string;
  account: string;
  debitMinor: number;
  creditMinor: number;
  currency: string;
}

function memoryStore() {
  const tables = new Map<unknown, Row[]>();
  const ledger: LedgerRow[] = [];
  const rows = (entity: unknown) => tables.get(entity) ?? tables.set(entity, []).get(entity)!;
  const matches = (row: Row, where: Row) => Object.entries(where).every(([k, v]) => row[k] === v);
  const findOneBy = async (entity: unknown, where: Row) => rows(entity).find((r) => matches(r, where)) ?? null;
  const tx = {
    findOneBy,
    existsBy: async (entity: unknown, where: Row) => rows(entity).some((r) => matches(r, where)),
    create: (_entity: unknown, value: Row) => ({ ...value }),
    insert: async (entity: unknown, value: Row) => void rows(entity).push({ ...value }),
    getRepository: (entity: unknown) => ({
      createQueryBuilder: () => {
        let where: Row = {};
        const qb = {
          setLock: () => qb,
          where: (_sql: string, params: Row) => ((where = params), qb),
          getOne: () => findOneBy(entity, where),
        };
        return qb;
      },
      findOneByOrFail: async (where: Row) => {
        const row = await findOneBy(entity, where);
        if (!row) throw new Error('not found');
        return row;
      },
    }),
    createQueryBuilder: () => ({
      insert: () => ({ into: () => ({ values: (values: LedgerRow[]) => ({ execute: async () => void ledger.push(...values) }) }) }),
    }),
  };
  const dataSource = {
    transaction: (work: (m: EntityManager) => Promise<unknown>) => work(tx as unknown as EntityManager),
    getRepository: tx.getRepository,
  } as unknown as DataSource;
  return { dataSource, ledger };
}

const ORDERS = [
  '0b9f7a52-5d0e-4a36-9d3c-1f1a1d6f2c01',
  '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e02',
  '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a03',
  '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c04',
  'not-a-uuid',
];

type Event =
  | { kind: 'payment-notice'; order: number; buyer: string; amountMinor: number; currency: string }
  | { kind: 'refund'; order: number };

const events: fc.Arbitrary<Event[]> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('payment-notice' as const),
      order: fc.nat({ max: ORDERS.length - 1 }),
      buyer: fc.constantFrom('muster-maschinenbau', 'nordwerk'),
      amountMinor: fc.oneof(positiveAmountMinor, fc.integer({ min: 1, max: 5_000 })),
      currency: currencyCode,
    }),
    fc.record({ kind: fc.constant('refund' as const), order: fc.nat({ max: ORDERS.length - 1 }) }),
  ),
  { maxLength: 25 },
);

/** What each payer may spend, so that some payments are declined. */
const funds = fc.record({ 'muster-maschinenbau': fc.integer({ min: 0, max: 100_000 }), nordwerk: fc.integer({ min: 0, max: 10_000_000_000 }) });

async function run(es: Event[], available: Record<string, number>) {
  const { dataSource, ledger } = memoryStore();
  const ledgerService = new LedgerService(dataSource);
  const payers = { lock: async () => {}, standing: async (_tx: unknown, buyerId: string) => ({ availableMinor: available[buyerId] }) };
  const delivery = { deliver: async (t: unknown) => t };
  const payments = new PaymentNoticesService(dataSource, ledgerService, payers as unknown as PayerAccountsService, delivery as unknown as TransferNoticeDelivery);
  const refunds = new RefundsService(dataSource, ledgerService);
  const paid = new Map<string, { amountMinor: number; currency: string }>();
  const answered = new Map<string, unknown[]>();
  for (const e of es) {
    const orderId = ORDERS[e.order];
    if (e.kind === 'payment-notice') {
      const notice: PaymentNotice = { orderId, buyerId: e.buyer, amount: { amountMinor: e.amountMinor, currency: e.currency }, paymentReference: `ref-${e.order}`, paidBy: 'p' };
      const outcome = await payments.receive(notice);
      if (outcome.status === 'accepted' && !paid.has(orderId)) paid.set(orderId, notice.amount);
    } else {
      answered.set(orderId, [...(answered.get(orderId) ?? []), await refunds.refund(orderId, 'the buyer cancelled')]);
    }
  }
  return { ledger, paid, answered };
}

const groupBy = (rows: LedgerRow[], key: (r: LedgerRow) => string) => {
  const out = new Map<string, LedgerRow[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return [...out.values()];
};

const total = (rows: LedgerRow[], k: 'debitMinor' | 'creditMinor') => rows.reduce((s, r) => s + BigInt(r[k]), 0n);

describe('the gateway’s journals over generated payments and refunds', () => {
  it('every journal balances, and so does every currency', async () => {
    await fc.assert(
      fc.asyncProperty(events, funds, async (es, available) => {
        const { ledger } = await run(es, available);
        for (const group of [...groupBy(ledger, (r) => r.journalId), ...groupBy(ledger, (r) => r.currency)]) {
          expect(total(group, 'debitMinor')).toBe(total(group, 'creditMinor'));
          expect(new Set(group.map((r) => r.currency)).size).toBe(1);
        }
      }),
    );
  });

  it('takes one payment per order however often its notice comes, and a refund gives back exactly it, once', async () => {
    await fc.assert(
      fc.asyncProperty(events, funds, async (es, available) => {
        const { ledger, paid, answered } = await run(es, available);
        for (const orderId of ORDERS) {
          const rows = ledger.filter((r) => r.orderId === orderId);
          const payment = paid.get(orderId);
          const refunds = answered.get(orderId) ?? [];
          if (!payment) {
            expect(rows).toEqual([]);
            for (const r of refunds) expect(r).toBeNull();
            continue;
          }
          const intoBuyer = rows.filter((r) => r.account.startsWith('buyer:')).reduce((s, r) => s + BigInt(r.creditMinor), 0n);
          const outOfBuyer = rows.filter((r) => r.account.startsWith('buyer:')).reduce((s, r) => s + BigInt(r.debitMinor), 0n);
          expect(outOfBuyer).toBe(BigInt(payment.amountMinor));
          expect(intoBuyer).toBeLessThanOrEqual(outOfBuyer);
          const refunded = refunds.filter((r) => r !== null);
          expect(intoBuyer).toBe(refunded.length > 0 ? outOfBuyer : 0n);
          for (const r of refunded) expect(r).toEqual(payment);
          const balances = new Map<string, bigint>();
          for (const r of rows) balances.set(r.account, (balances.get(r.account) ?? 0n) + BigInt(r.debitMinor) - BigInt(r.creditMinor));
          if (refunded.length > 0) for (const b of balances.values()) expect(b).toBe(0n);
        }
      }),
    );
  });
});
