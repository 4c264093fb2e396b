import { dispatchShortages } from './stock-gone';

const levels = new Map([
  ['A', { onHand: 100, reserved: 90 }],
  ['B', { onHand: 10, reserved: 0 }],
]);

describe('dispatchShortages', () => {
  it("takes the inquiry's own live hold even when everything else is held", () => {
    const lines = [{ lineNo: 1, sku: 'A', quantity: 60 }];
    expect(dispatchShortages(lines, [{ lineNo: 1, sku: 'A', quantity: 60, live: true }], levels)).toEqual([]);
  });

  it('needs free stock for what a lapsed or released hold no longer covers', () => {
    const lines = [{ lineNo: 1, sku: 'A', quantity: 60 }];
    expect(dispatchShortages(lines, [{ lineNo: 1, sku: 'A', quantity: 60, live: false }], levels)).toEqual([
      { sku: 'A', needed: 60, available: 10 },
    ]);
    expect(dispatchShortages([{ lineNo: 1, sku: 'A', quantity: 10 }], [], levels)).toEqual([]);
  });

  it('adds up lines of one SKU, and a SKU not stocked is gone', () => {
    const lines = [
      { lineNo: 1, sku: 'B', quantity: 6 },
      { lineNo: 2, sku: 'B', quantity: 6 },
      { lineNo: 3, sku: 'Z', quantity: 1 },
    ];
    expect(dispatchShortages(lines, [], levels)).toEqual([
      { sku: 'B', needed: 12, available: 10 },
      { sku: 'Z', needed: 1, available: 0 },
    ]);
  });
});
