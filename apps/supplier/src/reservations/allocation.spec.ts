import { allocate } from './allocation';

describe('allocate', () => {
  it('gives each line what it wants while the SKU lasts, in line order', () => {
    const got = allocate(
      [
        { lineNo: 1, sku: 'A', quantity: 30 },
        { lineNo: 2, sku: 'A', quantity: 30 },
        { lineNo: 3, sku: 'A', quantity: 30 },
        { lineNo: 4, sku: 'B', quantity: 5 },
      ],
      new Map([['A', 50], ['B', 9]]),
    );
    expect([...got]).toEqual([[1, 30], [2, 20], [3, 0], [4, 5]]);
  });

  it('gives nothing for an unknown SKU or when stock is already over-reserved', () => {
    const got = allocate([{ lineNo: 1, sku: 'Z', quantity: 3 }, { lineNo: 2, sku: 'A', quantity: 3 }], new Map([['A', -4]]));
    expect([...got]).toEqual([[1, 0], [2, 0]]);
  });
});
