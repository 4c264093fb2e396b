import type { Supplier } from '../suppliers/supplier.entity';
import { buildStockAnswer, type OfferedStock } from './stock-answer';

const supplier: Supplier = {
  id: 's1',
  name: 'S1',
  answerMode: 'automatic',
  locationCode: 'DE-HAM',
  locationCountry: 'DE',
  leadDays: 2,
  reservationHoldMinutes: 60,
};
const stock: OfferedStock[] = [
  { sku: 'A', available: 50, unitPriceMinor: 35, currency: 'EUR' },
  { sku: 'B', available: 0, unitPriceMinor: 10, currency: 'EUR' },
  { sku: 'C', available: 99, unitPriceMinor: 10, currency: 'USD' },
  { sku: 'D', available: 99, unitPriceMinor: 40, currency: 'EUR' },
];
const inquiry = {
  inquiryId: 'i1',
  orderId: 'o1',
  supplierId: 's1',
  currency: 'EUR',
  lines: [
    { lineNo: 1, sku: 'A', quantity: 80 },
    { lineNo: 2, sku: 'B', quantity: 1 },
    { lineNo: 3, sku: 'C', quantity: 1 },
    { lineNo: 4, sku: 'Z', quantity: 1 },
  ],
};
const today = new Date('2030-01-30T12:00:00Z');
const committed = (answer: ReturnType<typeof buildStockAnswer>) =>
  answer.lines.map((l) => [l.sku, l.available, l.quantityCommitted, l.unitPriceMinor]);

describe('buildStockAnswer', () => {
  it('commits what is available up to what was asked, at catalogue price, ready after the lead time', () => {
    const answer = buildStockAnswer(inquiry, supplier, stock, 'automatic', today);
    expect(committed(answer)).toEqual([
      ['A', true, 50, 35],
      ['B', false, 0, 10],
      ['C', false, 0, 0],
      ['Z', false, 0, 0],
    ]);
    expect(answer.lines[0].readyDate).toBe('2030-02-01');
    expect(answer.lines[0].shipFrom).toEqual({ code: 'DE-HAM', country: 'DE' });
  });

  it('never commits the same units to two lines of one SKU', () => {
    const lines = [
      { lineNo: 1, sku: 'A', quantity: 30 },
      { lineNo: 2, sku: 'A', quantity: 30 },
    ];
    const answer = buildStockAnswer({ ...inquiry, lines }, supplier, stock, 'automatic', today);
    expect(answer.lines.map((l) => l.quantityCommitted)).toEqual([30, 20]);
  });

  it('commits nothing on a line whose catalogue price is above the ceiling, and commits at or under it', () => {
    const lines = [
      { lineNo: 1, sku: 'D', quantity: 5, priceCeilingMinor: 39 },
      { lineNo: 2, sku: 'A', quantity: 5, priceCeilingMinor: 35 },
    ];
    const answer = buildStockAnswer({ ...inquiry, lines }, supplier, stock, 'automatic', today);
    expect(committed(answer)).toEqual([
      ['D', false, 0, 40],
      ['A', true, 5, 35],
    ]);
  });

  it('says how long committed units are held, and nothing about a hold when nothing is committed', () => {
    const until = new Date('2030-02-01T12:00:00Z');
    expect(buildStockAnswer(inquiry, supplier, stock, 'automatic', today, { reservedUntil: until }).reservedUntil).toBe(
      '2030-02-01T12:00:00.000Z',
    );
    const nothing = buildStockAnswer({ ...inquiry, lines: [inquiry.lines[1]] }, supplier, stock, 'automatic', today, { reservedUntil: until });
    expect(nothing.reservedUntil).toBeUndefined();
  });

  it("takes a person's quantities, prices and dates over the stock data", () => {
    const person = new Map([[1, { quantityCommitted: 80, unitPriceMinor: 33, readyDate: '2030-02-10' }]]);
    const answer = buildStockAnswer({ ...inquiry, lines: inquiry.lines.slice(0, 1) }, supplier, stock, 'clerk', today, { person });
    expect(answer.answeredBy).toBe('clerk');
    expect(answer.lines[0]).toMatchObject({ quantityCommitted: 80, unitPriceMinor: 33, readyDate: '2030-02-10', available: true });
  });
});
