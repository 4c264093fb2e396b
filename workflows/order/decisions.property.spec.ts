import fc from 'fast-check';
import type { PurchaseOrder, ShippingQuote, SourcedLine, StockAnswer } from '../../libs/contracts/src';
import { sourceLines, type Offer } from '../../apps/distributor/src/sourcing/sourcing-policy';
import { buildStockAnswer } from '../../apps/supplier/src/stock-inquiries/stock-answer';
import type { Supplier } from '../../apps/supplier/src/suppliers/supplier.entity';
import {
  asInquiryLines,
  isoDay,
  purchaseOrder,
  suppliers,
  type GeneratedOrder,
  type GeneratedSupplier,
} from '../../test/support/arbitraries';
import { buildConfirmation, checkStockAnswer, committedOnly, findShortLines, groupByOrigin, rankQuotes, remainderLines } from './decisions';

/**
 * The order's pure decisions end to end, as the workflow chains them: the distributor's sourcing
 * plan, each line asked of its best supplier (as stock.ts does when everyone answers), the
 * suppliers' automatic answers, the partial-fill check, shipments per origin and the confirmation.
 */

interface Scenario extends GeneratedOrder {
  suppliers: GeneratedSupplier[];
  unitWeightGrams: Record<string, number>;
  freightMinor: number[];
}

const scenario: fc.Arbitrary<Scenario> = purchaseOrder.chain((generated) =>
  fc
    .record({
      suppliers: suppliers(generated.skus, generated.unit),
      weights: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: generated.skus.length, maxLength: generated.skus.length }),
      freightMinor: fc.array(fc.integer({ min: 0, max: 100_000 * 10 ** generated.unit.exponent }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ suppliers: found, weights, freightMinor }) => ({
      ...generated,
      suppliers: found,
      unitWeightGrams: Object.fromEntries(generated.skus.map((s, i) => [s, weights[i]])),
      freightMinor,
    })),
);

const asSupplier = (s: GeneratedSupplier): Supplier => ({
  id: s.id,
  name: s.id,
  answerMode: 'automatic',
  locationCode: s.location.code,
  locationCountry: s.location.country,
  leadDays: s.leadDays,
  reservationHoldMinutes: 60,
});

/** The distributor's catalogue offers: what each supplier lists in the order's currency. */
const offersOf = (order: PurchaseOrder, found: GeneratedSupplier[]): Offer[] =>
  found.flatMap((s) =>
    s.stock
      .filter((item) => item.currency === order.currency)
      .map((item) => ({
        sku: item.sku,
        supplierId: s.id,
        unitPriceMinor: item.unitPriceMinor,
        leadDays: s.leadDays,
        publishedAvailable: item.publishedAvailable,
      })),
  );

interface Asked {
  supplier: GeneratedSupplier;
  lines: SourcedLine[];
  answer: StockAnswer;
}

const today = new Date('2030-01-01T09:00:00.000Z');

/** Steps 2 and 3 when every supplier answers: one inquiry per best supplier, answered from its stock. */
function askSuppliers(s: Scenario): Asked[] {
  const plan = sourceLines(s.order.lines, offersOf(s.order, s.suppliers));
  const bySupplier = new Map<string, SourcedLine[]>();
  for (const line of plan.filter((l) => l.candidates.length > 0)) {
    bySupplier.set(line.candidates[0], [...(bySupplier.get(line.candidates[0]) ?? []), line]);
  }
  return [...bySupplier.entries()].map(([supplierId, lines]) => {
    const supplier = s.suppliers.find((x) => x.id === supplierId)!;
    const inquiry = { inquiryId: `inq-${supplierId}`, orderId: s.order.orderId, supplierId, currency: s.order.currency, lines: asInquiryLines(lines) };
    return { supplier, lines, answer: buildStockAnswer(inquiry, asSupplier(supplier), supplier.stock, 'automatic', today) };
  });
}

const quoteFor = (originCode: string, priceMinor: number, s: Scenario, deliveryDate: string): ShippingQuote => ({
  inquiryId: `ship-${originCode}`,
  orderId: s.order.orderId,
  carrierId: 'baltic-lines',
  quotedBy: 'automatic',
  pickupDate: '2030-01-02',
  deliveryDate,
  route: `${originCode} → Köln`,
  mode: 'road',
  price: { amountMinor: priceMinor, currency: s.order.currency },
  validUntil: '2030-01-03T00:00:00.000Z',
});

interface Outcome {
  answers: StockAnswer[];
  confirmation?: ReturnType<typeof buildConfirmation>;
  overflow?: RangeError;
  exactLineTotals: bigint[];
  exactAmountDue: bigint;
}

function confirm(s: Scenario): Outcome {
  const answers = committedOnly(askSuppliers(s).map((a) => a.answer));
  const shipments = groupByOrigin(answers, s.unitWeightGrams);
  const quotes = shipments.map((sh, i) => ({ originCode: sh.origin.code, quote: quoteFor(sh.origin.code, s.freightMinor[i], s, s.order.wantedBy) }));
  const exactLineTotals = answers.flatMap((a) => a.lines.map((l) => BigInt(l.unitPriceMinor) * BigInt(l.quantityCommitted)));
  const exactAmountDue = exactLineTotals.reduce((x, y) => x + y, 0n) + quotes.reduce((x, q) => x + BigInt(q.quote.price.amountMinor), 0n);
  try {
    return { answers, confirmation: buildConfirmation(s.order, answers, quotes, '2030-01-01T10:00:00.000Z'), exactLineTotals, exactAmountDue };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { answers, overflow: error, exactLineTotals, exactAmountDue };
  }
}

const committedByLine = (answers: StockAnswer[]) => {
  const out = new Map<number, number>();
  for (const a of answers) for (const l of a.lines) out.set(l.lineNo, (out.get(l.lineNo) ?? 0) + l.quantityCommitted);
  return out;
};

describe('the order decisions over generated orders', () => {
  it('the suppliers’ automatic answers pass the workflow’s own check of a stock answer', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { lines, answer } of askSuppliers(s)) expect(checkStockAnswer(asInquiryLines(lines), answer)).toBeUndefined();
      }),
    );
  });

  it('commits nothing beyond a supplier’s stock, nothing beyond what was asked, nothing above the ceiling', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { supplier, lines, answer } of askSuppliers(s)) {
          const asked = new Map(lines.map((l) => [l.lineNo, l]));
          const perSku = new Map<string, number>();
          for (const l of answer.lines) {
            const want = asked.get(l.lineNo)!;
            expect(l.quantityCommitted).toBeGreaterThanOrEqual(0);
            expect(l.quantityCommitted).toBeLessThanOrEqual(want.quantity);
            if (l.quantityCommitted > 0 && want.priceCeilingMinor !== undefined) expect(l.unitPriceMinor).toBeLessThanOrEqual(want.priceCeilingMinor);
            perSku.set(l.sku, (perSku.get(l.sku) ?? 0) + l.quantityCommitted);
          }
          for (const [sku, committed] of perSku) {
            const held = supplier.stock.find((i) => i.sku === sku && i.currency === s.order.currency);
            expect(committed).toBeLessThanOrEqual(held?.available ?? 0);
          }
        }
      }),
    );
  });

  it('loses and doubles no line: each is filled, partly filled or refused exactly once, and a back-order asks exactly the rest', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { answers } = confirm(s);
        const committed = committedByLine(answers);
        const answeredLineNos = answers.flatMap((a) => a.lines.map((l) => l.lineNo));
        expect(new Set(answeredLineNos).size).toBe(answeredLineNos.length);

        const short = findShortLines(s.order, answers);
        expect(new Set(short.map((l) => l.lineNo)).size).toBe(short.length);
        const backOrder = new Map(remainderLines(s.order, short).map((l) => [l.lineNo, l]));
        const shortNos = new Set(short.map((l) => l.lineNo));

        for (const line of s.order.lines) {
          const got = committed.get(line.lineNo) ?? 0;
          const kinds = [got === line.quantity, got > 0 && got < line.quantity, got === 0].filter(Boolean);
          expect(kinds).toHaveLength(1);
          expect(shortNos.has(line.lineNo)).toBe(got < line.quantity);
          const rest = backOrder.get(line.lineNo);
          expect(got + (rest?.quantity ?? 0)).toBe(line.quantity);
          if (rest) {
            expect(rest.sku).toBe(line.sku);
            expect(rest.quantity).toBeGreaterThanOrEqual(1);
            expect(rest.priceCeilingMinor).toBe(line.priceCeilingMinor);
          }
        }
        expect([...committed.keys()].every((no) => s.order.lines.some((l) => l.lineNo === no))).toBe(true);
      }),
    );
  });

  it('confirms every committed line once and only those; with no short line, the order as asked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { answers, confirmation } = confirm(s);
        fc.pre(confirmation !== undefined);
        const committed = committedByLine(answers);
        expect(confirmation!.lines.map((l) => l.lineNo)).toEqual([...committed.keys()].sort((a, b) => a - b));
        for (const l of confirmation!.lines) {
          expect(l.quantity).toBe(committed.get(l.lineNo));
          expect(l.quantity).toBeGreaterThan(0);
        }
        if (findShortLines(s.order, answers).length === 0) {
          expect(confirmation!.lines.map((l) => [l.lineNo, l.sku, l.quantity])).toEqual(s.order.lines.map((l) => [l.lineNo, l.sku, l.quantity]));
        }
      }),
    );
  });

  it('totals add up exactly in minor units: line totals, goods, freight and amount due, or the confirmation refuses an unsafe sum', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { confirmation, overflow, exactLineTotals, exactAmountDue } = confirm(s);
        const unsafe = [...exactLineTotals, exactAmountDue].some((x) => x > BigInt(Number.MAX_SAFE_INTEGER));
        if (overflow) {
          expect(unsafe).toBe(true);
          return;
        }
        expect(unsafe).toBe(false);
        const c = confirmation!;
        for (const l of c.lines) {
          expect(Number.isSafeInteger(l.lineTotalMinor)).toBe(true);
          expect(BigInt(l.lineTotalMinor)).toBe(BigInt(l.unitPriceMinor) * BigInt(l.quantity));
        }
        const goods = c.lines.reduce((sum, l) => sum + BigInt(l.lineTotalMinor), 0n);
        const freight = c.freight.reduce((sum, f) => sum + BigInt(f.price.amountMinor), 0n);
        expect(BigInt(c.goods.amountMinor)).toBe(goods);
        expect(BigInt(c.amountDue.amountMinor)).toBe(goods + freight);
        expect(BigInt(c.amountDue.amountMinor)).toBe(exactAmountDue);
        expect(Number.isSafeInteger(c.amountDue.amountMinor)).toBe(true);
        expect([c.goods.currency, c.amountDue.currency, ...c.freight.map((f) => f.price.currency)].every((x) => x === s.order.currency)).toBe(true);
      }),
    );
  });

  it('ships every committed line in exactly one shipment, from its supplier’s origin, with its weight', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { answers } = confirm(s);
        const shipments = groupByOrigin(answers, s.unitWeightGrams);
        const origins = shipments.map((sh) => sh.origin.code);
        expect(new Set(origins).size).toBe(origins.length);
        expect([...origins].sort((a, b) => a.localeCompare(b))).toEqual(origins);
        const shipped = shipments.flatMap((sh) => sh.lines.map((l) => l.lineNo)).sort((a, b) => a - b);
        expect(shipped).toEqual(answers.flatMap((a) => a.lines.map((l) => l.lineNo)).sort((a, b) => a - b));
        for (const sh of shipments) {
          const from = answers.flatMap((a) => a.lines).filter((l) => l.shipFrom.code === sh.origin.code);
          expect(sh.weightGrams).toBe(from.reduce((w, l) => w + (s.unitWeightGrams[l.sku] ?? 0) * l.quantityCommitted, 0));
          expect(sh.readyDate).toBe(from.map((l) => l.readyDate).sort().at(-1));
        }
      }),
    );
  });
});

describe('buildConfirmation near the limit of minor units', () => {
  // A person may commit up to 1,000,000,000 units at up to 1,000,000,000,000 minor units each.
  const large = fc.record({
    lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 1_000_000_000 }), unitPriceMinor: fc.integer({ min: 0, max: 1_000_000_000_000 }) }), { minLength: 1, maxLength: 4 }),
    freightMinor: fc.integer({ min: 0, max: 1_000_000_000_000 }),
  });

  it('totals exactly, or refuses with a RangeError when a total passes what minor units can hold; never a rounded amount', () => {
    fc.assert(
      fc.property(purchaseOrder, large, (g, { lines, freightMinor }) => {
        const order = { ...g.order, lines: lines.map((l, i) => ({ lineNo: i + 1, sku: 'BOLT-M8', quantity: l.quantity })) };
        const answer: StockAnswer = {
          inquiryId: 'inq-1',
          orderId: order.orderId,
          supplierId: 'acme-steel',
          answeredBy: 'clerk@acme-steel',
          currency: order.currency,
          lines: lines.map((l, i) => ({
            lineNo: i + 1,
            sku: 'BOLT-M8',
            available: true,
            quantityCommitted: l.quantity,
            unitPriceMinor: l.unitPriceMinor,
            shipFrom: { code: 'DE-HAM', country: 'DE' },
            readyDate: '2030-01-05',
          })),
        };
        const s = { order } as Scenario;
        const exactLines = lines.map((l) => BigInt(l.unitPriceMinor) * BigInt(l.quantity));
        const exactDue = exactLines.reduce((x, y) => x + y, 0n) + BigInt(freightMinor);
        const fits = [...exactLines, exactDue].every((x) => x <= BigInt(Number.MAX_SAFE_INTEGER));
        const build = () => buildConfirmation(order, [answer], [{ originCode: 'DE-HAM', quote: quoteFor('DE-HAM', freightMinor, s, order.wantedBy) }], '2030-01-01T10:00:00.000Z');
        if (!fits) return expect(build).toThrow(RangeError);
        const c = build();
        expect(c.lines.map((l) => BigInt(l.lineTotalMinor))).toEqual(exactLines);
        expect(BigInt(c.amountDue.amountMinor)).toBe(exactDue);
      }),
    );
  });
});

describe('rankQuotes', () => {
  const quotes = fc.array(
    fc.record({
      carrierId: fc.constantFrom('baltic-lines', 'rhein-freight', 'vistula-cargo'),
      deliveryDate: isoDay,
      priceMinor: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    { maxLength: 8 },
  );

  it('keeps exactly the quotes that deliver in time, cheapest first, then earliest, then by preference', () => {
    fc.assert(
      fc.property(quotes, isoDay, (drawn, wantedBy) => {
        const all = drawn.map((q, i) => ({
          ...quoteFor(`O${i}`, q.priceMinor, { order: { orderId: 'o', currency: 'EUR' } } as Scenario, q.deliveryDate),
          carrierId: q.carrierId,
        }));
        const preference = ['rhein-freight', 'baltic-lines', 'vistula-cargo'];
        const ranked = rankQuotes(all, wantedBy, preference);
        expect(ranked.map((q) => q.inquiryId).sort()).toEqual(all.filter((q) => q.deliveryDate <= wantedBy).map((q) => q.inquiryId).sort());
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          const order =
            a.price.amountMinor - b.price.amountMinor ||
            a.deliveryDate.localeCompare(b.deliveryDate) ||
            preference.indexOf(a.carrierId) - preference.indexOf(b.carrierId);
          expect(order).toBeLessThanOrEqual(0);
        }
      }),
    );
  });
});

describe('checkStockAnswer against a tampered answer', () => {
  type Tamper = (a: StockAnswer, asked: ReturnType<typeof asInquiryLines>) => StockAnswer | undefined;
  const first = (a: StockAnswer, change: Partial<StockAnswer['lines'][number]>) => ({ ...a, lines: [{ ...a.lines[0], ...change }, ...a.lines.slice(1)] });
  const tampers: Record<string, Tamper> = {
    'commits more than asked': (a, asked) => first(a, { quantityCommitted: asked.find((l) => l.lineNo === a.lines[0].lineNo)!.quantity + 1 }),
    'commits a negative quantity': (a) => first(a, { quantityCommitted: -1 }),
    'commits a fraction': (a) => first(a, { quantityCommitted: 0.5 }),
    'prices in fractions of a minor unit': (a) => first(a, { unitPriceMinor: 1.25 }),
    'names another SKU': (a) => first(a, { sku: `${a.lines[0].sku}X` }),
    'answers a line twice': (a) => ({ ...a, lines: [...a.lines.slice(0, -1), a.lines[0]] }),
    'leaves a line out': (a) => ({ ...a, lines: a.lines.slice(1) }),
    'answers a line not asked': (a) => first(a, { lineNo: 10_000 }),
    'commits above the ceiling': (a, asked) => {
      const want = asked.find((l) => l.lineNo === a.lines[0].lineNo)!;
      if (want.priceCeilingMinor === undefined) return undefined;
      return first(a, { quantityCommitted: 1, unitPriceMinor: want.priceCeilingMinor + 1 });
    },
  };

  it.each(Object.keys(tampers))('refuses an answer that %s', (name) => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { lines, answer } of askSuppliers(s)) {
          const asked = asInquiryLines(lines);
          if (name === 'answers a line twice' && answer.lines.length < 2) continue;
          const tampered = tampers[name](answer, asked);
          if (tampered) expect(checkStockAnswer(asked, tampered)).toEqual(expect.any(String));
        }
      }),
      { numRuns: 50 },
    );
  });
});
