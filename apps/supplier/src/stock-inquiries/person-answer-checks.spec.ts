import { checkPersonAnswer } from './person-answer-checks';
import type { OfferedStock } from './stock-answer';

const stock = new Map<string, OfferedStock>([
  ['A', { sku: 'A', available: 50, unitPriceMinor: 35, currency: 'EUR' }],
  ['B', { sku: 'B', available: 10, unitPriceMinor: 12, currency: 'EUR' }],
]);
const inquiry = {
  currency: 'EUR',
  lines: [
    { lineNo: 1, sku: 'A', quantity: 40 },
    { lineNo: 2, sku: 'A', quantity: 40, priceCeilingMinor: 36 },
    { lineNo: 3, sku: 'B', quantity: 5, priceCeilingMinor: 10 },
  ],
};
const fields = (r: ReturnType<typeof checkPersonAnswer>) => r.problems.map((p) => p.field);

describe('checkPersonAnswer', () => {
  it('accepts commitments within what was asked, what is available and the ceilings', () => {
    const result = checkPersonAnswer(inquiry, [
      { lineNo: 1, quantityCommitted: 30 },
      { lineNo: 2, quantityCommitted: 20, unitPriceMinor: 36 },
      { lineNo: 3, quantityCommitted: 5, unitPriceMinor: 10 },
    ], stock);
    expect(result.problems).toEqual([]);
    expect(result.given.get(2)).toMatchObject({ quantityCommitted: 20, unitPriceMinor: 36 });
  });

  it('names the quantity of the line where two lines of one SKU together pass what is available', () => {
    const result = checkPersonAnswer(inquiry, [
      { lineNo: 1, quantityCommitted: 40 },
      { lineNo: 2, quantityCommitted: 11 },
      { lineNo: 3, quantityCommitted: 0 },
    ], stock);
    expect(result.problems).toEqual([{ field: 'lines[1].quantityCommitted', message: '11 is more than the 10 of A available' }]);
  });

  it("names the unit price above the buyer's ceiling, given or from the catalogue, unless nothing is committed", () => {
    const result = checkPersonAnswer(inquiry, [
      { lineNo: 3, quantityCommitted: 1 },
      { lineNo: 2, quantityCommitted: 1, unitPriceMinor: 37 },
      { lineNo: 1, quantityCommitted: 0, unitPriceMinor: 999 },
    ], stock);
    expect(fields(result)).toEqual(['lines[0].unitPriceMinor', 'lines[1].unitPriceMinor']);
    expect(result.problems[0].message).toContain('catalogue price 12');
  });

  it('refuses lines not asked, answered twice, more than asked and missing', () => {
    const result = checkPersonAnswer(inquiry, [
      { lineNo: 9, quantityCommitted: 1 },
      { lineNo: 1, quantityCommitted: 41 },
      { lineNo: 1, quantityCommitted: 1 },
    ], stock);
    expect(fields(result)).toEqual(['lines[0].lineNo', 'lines[1].quantityCommitted', 'lines[2].lineNo', 'lines', 'lines']);
  });

  it('refuses any commitment of a SKU the supplier does not stock', () => {
    const result = checkPersonAnswer({ currency: 'EUR', lines: [{ lineNo: 1, sku: 'Z', quantity: 2 }] }, [{ lineNo: 1, quantityCommitted: 1 }], stock);
    expect(fields(result)).toEqual(['lines[0].quantityCommitted']);
  });

  it('asks for a unit price where the catalogue prices the SKU only in another currency, rather than committing it at 0', () => {
    const inUsd = new Map<string, OfferedStock>([['A', { sku: 'A', available: 50, unitPriceMinor: 35, currency: 'USD' }]]);
    const result = checkPersonAnswer({ currency: 'EUR', lines: [{ lineNo: 1, sku: 'A', quantity: 2 }] }, [{ lineNo: 1, quantityCommitted: 1 }], inUsd);
    expect(result.problems).toEqual([{ field: 'lines[0].unitPriceMinor', message: 'the catalogue has no price for A in EUR; give a unit price' }]);
    const priced = checkPersonAnswer({ currency: 'EUR', lines: [{ lineNo: 1, sku: 'A', quantity: 2 }] }, [{ lineNo: 1, quantityCommitted: 1, unitPriceMinor: 40 }], inUsd);
    expect(priced.problems).toEqual([]);
  });
});
