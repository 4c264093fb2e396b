import type { PurchaseOrder, StockAnswer } from '../../libs/contracts/src';
import { buildConfirmation, checkStockAnswer, committedOnly, findShortLines, groupByOrigin, rankQuotes, remainderLines } from './decisions';

const order: PurchaseOrder = {
  orderId: 'o1',
  buyerId: 'b1',
  lines: [
    { lineNo: 1, sku: 'A', quantity: 10 },
    { lineNo: 2, sku: 'B', quantity: 5, priceCeilingMinor: 200 },
  ],
  shipTo: { name: 'n', line1: 'l', city: 'c', postalCode: 'p', country: 'DE' },
  wantedBy: '2030-02-01',
  currency: 'EUR',
  partialFill: 'cancel',
  submittedAt: '2030-01-01T00:00:00Z',
};

const answer = (lines: Partial<StockAnswer['lines'][number]>[], supplierId = 's1'): StockAnswer => ({
  inquiryId: `i-${supplierId}`,
  orderId: 'o1',
  supplierId,
  answeredBy: 'x',
  currency: 'EUR',
  lines: lines.map((l) => ({
    lineNo: 1,
    sku: 'A',
    available: true,
    quantityCommitted: 10,
    unitPriceMinor: 100,
    shipFrom: { code: 'DE-HAM', country: 'DE' },
    readyDate: '2030-01-05',
    ...l,
  })),
});

describe('findShortLines', () => {
  it('finds nothing when every line is committed in full', () => {
    expect(findShortLines(order, [answer([{}, { lineNo: 2, sku: 'B', quantityCommitted: 5 }])])).toEqual([]);
  });

  it('names a short line, an unavailable line and a line nobody answered, with what was committed', () => {
    expect(findShortLines(order, [answer([{ quantityCommitted: 9 }])])).toEqual([
      { lineNo: 1, sku: 'A', asked: 10, committed: 9 },
      { lineNo: 2, sku: 'B', asked: 5, committed: 0 },
    ]);
    expect(findShortLines(order, [answer([{ available: false }, { lineNo: 2, sku: 'B', quantityCommitted: 5 }])])).toEqual([
      { lineNo: 1, sku: 'A', asked: 10, committed: 0 },
    ]);
  });

  it('asks a back-order for exactly what is missing, keeping the ceiling', () => {
    const short = findShortLines(order, [answer([{ quantityCommitted: 9 }, { lineNo: 2, sku: 'B', quantityCommitted: 1 }])]);
    expect(remainderLines(order, short)).toEqual([
      { lineNo: 1, sku: 'A', quantity: 1 },
      { lineNo: 2, sku: 'B', quantity: 4, priceCeilingMinor: 200 },
    ]);
  });

  it('carries only committed lines on to shipping', () => {
    const kept = committedOnly([answer([{ quantityCommitted: 0, available: false }], 's1'), answer([{}], 's2')]);
    expect(kept.map((a) => a.supplierId)).toEqual(['s2']);
  });
});

describe('rankQuotes', () => {
  const q = (carrierId: string, amountMinor: number, deliveryDate: string) => ({
    inquiryId: carrierId,
    orderId: 'o1',
    carrierId,
    quotedBy: 'x',
    pickupDate: '2030-01-06',
    deliveryDate,
    route: 'r',
    mode: 'road' as const,
    price: { amountMinor, currency: 'EUR' },
    validUntil: '2030-01-10',
  });
  it('keeps quotes that deliver by the wanted-by date, cheapest first, then earliest, then preferred carrier', () => {
    const ranked = rankQuotes(
      [q('late', 1, '2030-02-02'), q('c3', 500, '2030-01-20'), q('c2', 500, '2030-01-09'), q('c1', 500, '2030-01-09'), q('c4', 900, '2030-01-08')],
      '2030-02-01',
      ['c1', 'c2', 'c3', 'c4'],
    );
    expect(ranked.map((r) => r.carrierId)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});

describe('groupByOrigin', () => {
  it('puts lines shipping from one place into one shipment, weighed and ready when the last line is', () => {
    const shipments = groupByOrigin(
      [
        answer([{ lineNo: 1, sku: 'A', quantityCommitted: 10 }], 's1'),
        answer([{ lineNo: 2, sku: 'B', quantityCommitted: 5, readyDate: '2030-01-09' }], 's2'),
        answer([{ lineNo: 3, sku: 'C', quantityCommitted: 1, shipFrom: { code: 'SE-GOT', country: 'SE' } }], 's3'),
      ],
      { A: 100, B: 2000, C: 7 },
    );
    expect(shipments).toEqual([
      {
        origin: { code: 'DE-HAM', country: 'DE' },
        lines: [
          { lineNo: 1, sku: 'A', quantity: 10 },
          { lineNo: 2, sku: 'B', quantity: 5 },
        ],
        weightGrams: 11000,
        readyDate: '2030-01-09',
      },
      { origin: { code: 'SE-GOT', country: 'SE' }, lines: [{ lineNo: 3, sku: 'C', quantity: 1 }], weightGrams: 7, readyDate: '2030-01-05' },
    ]);
  });
});

describe('buildConfirmation', () => {
  const quote = (carrierId: string, amountMinor: number, deliveryDate: string, currency = 'EUR') => ({
    originCode: carrierId,
    quote: {
      inquiryId: 'q',
      orderId: 'o1',
      carrierId,
      quotedBy: 'x',
      pickupDate: '2030-01-06',
      deliveryDate,
      route: 'r',
      mode: 'road' as const,
      price: { amountMinor, currency },
      validUntil: '2030-01-10',
    },
  });

  it('charges goods plus every freight, in integer minor units, delivered when the last shipment arrives', () => {
    const c = buildConfirmation(
      order,
      [answer([{}, { lineNo: 2, sku: 'B', quantityCommitted: 5, unitPriceMinor: 199 }])],
      [quote('c1', 4500, '2030-01-09'), quote('c2', 1234, '2030-01-12')],
      'now',
    );
    expect(c.goods).toEqual({ amountMinor: 1000 + 995, currency: 'EUR' });
    expect(c.amountDue).toEqual({ amountMinor: 1995 + 5734, currency: 'EUR' });
    expect(c.deliveryDate).toBe('2030-01-12');
    expect(c.lines.map((l) => l.lineTotalMinor)).toEqual([1000, 995]);
  });

  it('refuses freight in another currency', () => {
    expect(() => buildConfirmation(order, [answer([{}])], [quote('c1', 1, '2030-01-09', 'USD')], 'now')).toThrow(/USD/);
  });
});

describe('checkStockAnswer', () => {
  const asked = [{ lineNo: 1, sku: 'A', quantity: 10 }];
  it("refuses a committed line priced above the buyer's ceiling, but not an uncommitted one", () => {
    const withCeiling = [{ lineNo: 1, sku: 'A', quantity: 10, priceCeilingMinor: 99 }];
    expect(checkStockAnswer(withCeiling, answer([{}]))).toMatch(/above the buyer's ceiling 99/);
    expect(checkStockAnswer(withCeiling, answer([{ quantityCommitted: 0, available: false }]))).toBeUndefined();
  });
  it('accepts an answer to exactly the asked lines', () => {
    expect(checkStockAnswer(asked, answer([{}]))).toBeUndefined();
  });
  it.each([
    [[{ quantityCommitted: 11 }], /more than the 10 asked/],
    [[{ quantityCommitted: -1 }], /non-negative/],
    [[{ sku: 'Z' }], /is A, not Z/],
    [[{ lineNo: 7 }], /line 7 was not asked/],
    [[{}, {}], /2 lines/],
    [[{ unitPriceMinor: 1.5 }], /unit price/],
    [[{ lineNo: 1 }, { lineNo: 1 }], /2 lines/],
  ])('refuses %j', (lines, message) => {
    expect(checkStockAnswer(asked, answer(lines as Partial<StockAnswer['lines'][number]>[]))).toMatch(message);
  });
});
