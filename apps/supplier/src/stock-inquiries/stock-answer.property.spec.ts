import fc from 'fast-check';
import { addDays, isoDate, type InquiryLine } from '@tradelane/contracts';
import { checkStockAnswer } from '../../../../workflows/order/decisions';
import { asInquiryLines, location, orderLines, purchaseOrder, supplierStock, type SupplierStockItem } from '../../../../test/support/arbitraries';
import type { Supplier } from '../suppliers/supplier.entity';
import { checkPersonAnswer, type PersonLine } from './person-answer-checks';
import { buildStockAnswer, type OfferedStock } from './stock-answer';

interface Case {
  currency: string;
  lines: InquiryLine[];
  stock: SupplierStockItem[];
  supplier: Supplier;
}

const inquiryCase: fc.Arbitrary<Case> = purchaseOrder.chain(({ unit, skus }) =>
  fc
    .record({ lines: orderLines(skus, unit), stock: supplierStock(skus, unit), location, leadDays: fc.integer({ min: 0, max: 30 }) })
    .map(({ lines, stock, location: at, leadDays }) => ({
      currency: unit.code,
      lines: asInquiryLines(lines),
      stock,
      supplier: {
        id: 'acme-steel',
        name: 'Acme Steel',
        answerMode: 'automatic',
        locationCode: at.code,
        locationCountry: at.country,
        leadDays,
        reservationHoldMinutes: 60,
      },
    })),
);

const today = new Date('2030-01-30T12:00:00.000Z');
const inquiryOf = (c: Case) => ({ inquiryId: 'inq-1', orderId: 'order-1', supplierId: c.supplier.id, currency: c.currency, lines: c.lines });
const levels = (c: Case) => new Map<string, OfferedStock>(c.stock.map((item) => [item.sku, item]));
const priced = (c: Case, sku: string) => c.stock.find((item) => item.sku === sku && item.currency === c.currency);

/** Per SKU, what an answer commits in all. */
const committedPerSku = (lines: { sku: string; quantityCommitted: number }[]) => {
  const out = new Map<string, number>();
  for (const l of lines) out.set(l.sku, (out.get(l.sku) ?? 0) + l.quantityCommitted);
  return out;
};

describe('buildStockAnswer over generated inquiries', () => {
  it('answers every line asked once, in order, and the workflow’s check accepts it', () => {
    fc.assert(
      fc.property(inquiryCase, (c) => {
        const answer = buildStockAnswer(inquiryOf(c), c.supplier, c.stock, 'automatic', today);
        expect(answer.lines.map((l) => [l.lineNo, l.sku])).toEqual(c.lines.map((l) => [l.lineNo, l.sku]));
        expect(checkStockAnswer(c.lines, answer)).toBeUndefined();
      }),
    );
  });

  it('commits nothing beyond the stock priced in the inquiry’s currency, what was asked or the ceiling', () => {
    fc.assert(
      fc.property(inquiryCase, (c) => {
        const answer = buildStockAnswer(inquiryOf(c), c.supplier, c.stock, 'automatic', today);
        answer.lines.forEach((l, i) => {
          const want = c.lines[i];
          const item = priced(c, l.sku);
          expect(l.quantityCommitted).toBeLessThanOrEqual(want.quantity);
          expect(l.available).toBe(l.quantityCommitted > 0);
          expect(l.unitPriceMinor).toBe(item?.unitPriceMinor ?? 0);
          if (l.quantityCommitted > 0) {
            expect(item).toBeDefined();
            if (want.priceCeilingMinor !== undefined) expect(l.unitPriceMinor).toBeLessThanOrEqual(want.priceCeilingMinor);
          }
          expect(l.readyDate).toBe(addDays(isoDate(today), c.supplier.leadDays));
          expect(l.shipFrom).toEqual({ code: c.supplier.locationCode, country: c.supplier.locationCountry });
        });
        for (const [sku, units] of committedPerSku(answer.lines)) expect(units).toBeLessThanOrEqual(priced(c, sku)?.available ?? 0);
      }),
    );
  });

  it('commits all it can: of each SKU it may offer, either every line is filled or the stock is used up', () => {
    fc.assert(
      fc.property(inquiryCase, (c) => {
        const answer = buildStockAnswer(inquiryOf(c), c.supplier, c.stock, 'automatic', today);
        for (const sku of new Set(c.lines.map((l) => l.sku))) {
          const item = priced(c, sku);
          if (!item) continue;
          const offerable = answer.lines.filter((l, i) => l.sku === sku && (c.lines[i].priceCeilingMinor ?? Infinity) >= item.unitPriceMinor);
          const used = offerable.reduce((n, l) => n + l.quantityCommitted, 0);
          const filled = offerable.every((l) => l.quantityCommitted === c.lines.find((x) => x.lineNo === l.lineNo)!.quantity);
          expect(filled || used === item.available).toBe(true);
        }
      }),
    );
  });

  it('holds the committed stock until the given time, and only when something is committed', () => {
    fc.assert(
      fc.property(inquiryCase, (c) => {
        const reservedUntil = new Date('2030-01-30T13:00:00.000Z');
        const answer = buildStockAnswer(inquiryOf(c), c.supplier, c.stock, 'automatic', today, { reservedUntil });
        expect(answer.reservedUntil).toBe(answer.lines.some((l) => l.quantityCommitted > 0) ? reservedUntil.toISOString() : undefined);
      }),
    );
  });
});

describe('a person’s stock answer over generated inquiries', () => {
  const personCase = inquiryCase.chain((c) =>
    fc
      .tuple(
        ...c.lines.map((l) =>
          fc.record(
            {
              lineNo: fc.constant(l.lineNo),
              quantityCommitted: fc.oneof(fc.integer({ min: 0, max: l.quantity }), fc.integer({ min: 0, max: 1_000_000_000 })),
              unitPriceMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
              readyDate: fc.constant('2030-02-15'),
            },
            { requiredKeys: ['lineNo', 'quantityCommitted'] },
          ),
        ),
      )
      .map((person: PersonLine[]) => ({ c, person })),
  );

  it('a person’s answer the checks let through commits nothing beyond stock, what was asked or the ceiling, at a price in the inquiry’s currency', () => {
    fc.assert(
      fc.property(personCase, ({ c, person }) => {
        const { given, problems } = checkPersonAnswer(c, person, levels(c));
        fc.pre(problems.length === 0);
        const answer = buildStockAnswer(inquiryOf(c), c.supplier, c.stock, 'clerk@acme-steel', today, { person: given });
        expect(checkStockAnswer(c.lines, answer)).toBeUndefined();
        answer.lines.forEach((l, i) => {
          expect(l.quantityCommitted).toBe(person[i].quantityCommitted);
          if (l.quantityCommitted === 0) return;
          expect(l.unitPriceMinor).toBe(person[i].unitPriceMinor ?? priced(c, l.sku)?.unitPriceMinor);
        });
        for (const [sku, units] of committedPerSku(answer.lines)) expect(units).toBeLessThanOrEqual(levels(c).get(sku)?.available ?? 0);
      }),
    );
  });
});
