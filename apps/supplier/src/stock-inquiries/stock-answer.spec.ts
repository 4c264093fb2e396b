import type { StockItem } from '../suppliers/stock-item.entity';
import type { Supplier } from '../suppliers/supplier.entity';
import { buildStockAnswer } from './stock-answer';

const supplier: Supplier = { id: 's1', name: 'S1', answerMode: 'automatic', locationCode: 'DE-HAM', locationCountry: 'DE', leadDays: 2 };
const stock: StockItem[] = [
  { supplierId: 's1', sku: 'A', onHand: 50, unitPriceMinor: 35, currency: 'EUR' },
  { supplierId: 's1', sku: 'B', onHand: 0, unitPriceMinor: 10, currency: 'EUR' },
  { supplierId: 's1', sku: 'C', onHand: 99, unitPriceMinor: 10, currency: 'USD' },
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

describe('buildStockAnswer', () => {
  it('commits what is on hand up to what was asked, at catalogue price, ready after the lead time', () => {
    const answer = buildStockAnswer(inquiry, supplier, stock, 'automatic', today);
    expect(answer.lines.map((l) => [l.sku, l.available, l.quantityCommitted, l.unitPriceMinor])).toEqual([
      ['A', true, 50, 35],
      ['B', false, 0, 10],
      ['C', false, 0, 0],
      ['Z', false, 0, 0],
    ]);
    expect(answer.lines[0].readyDate).toBe('2030-02-01');
    expect(answer.lines[0].shipFrom).toEqual({ code: 'DE-HAM', country: 'DE' });
  });

  it("takes a person's quantities, prices and dates over the stock data", () => {
    const person = new Map([[1, { quantityCommitted: 80, unitPriceMinor: 33, readyDate: '2030-02-10' }]]);
    const answer = buildStockAnswer({ ...inquiry, lines: inquiry.lines.slice(0, 1) }, supplier, stock, 'clerk', today, person);
    expect(answer.answeredBy).toBe('clerk');
    expect(answer.lines[0]).toMatchObject({ quantityCommitted: 80, unitPriceMinor: 33, readyDate: '2030-02-10', available: true });
  });
});
