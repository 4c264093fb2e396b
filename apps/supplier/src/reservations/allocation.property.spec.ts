import fc from 'fast-check';
import { quantity, skuPool } from '../../../../test/support/arbitraries';
import { allocate, type LineWant } from './allocation';

const wantsAndStock = skuPool.chain((skus) =>
  fc.record({
    wants: fc
      .array(fc.record({ sku: fc.constantFrom(...skus), quantity: fc.oneof(quantity, fc.constant(0)) }), { maxLength: 20 })
      .map((ws): LineWant[] => ws.map((w, i) => ({ lineNo: i + 1, ...w }))),
    available: fc
      .array(fc.tuple(fc.constantFrom(...skus), fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20_000_000 }))))
      .map((entries) => new Map(entries)),
  }),
);

describe('allocate over generated lines and stock', () => {
  it('gives every line an allocation once, never more than it wants, never more of a SKU than there is', () => {
    fc.assert(
      fc.property(wantsAndStock, ({ wants, available }) => {
        const got = allocate(wants, available);
        expect([...got.keys()].sort((a, b) => a - b)).toEqual(wants.map((w) => w.lineNo));
        const perSku = new Map<string, number>();
        for (const w of wants) {
          const units = got.get(w.lineNo)!;
          expect(Number.isSafeInteger(units)).toBe(true);
          expect(units).toBeGreaterThanOrEqual(0);
          expect(units).toBeLessThanOrEqual(w.quantity);
          perSku.set(w.sku, (perSku.get(w.sku) ?? 0) + units);
        }
        for (const [sku, units] of perSku) expect(units).toBeLessThanOrEqual(available.get(sku) ?? 0);
      }),
    );
  });

  it('leaves nothing unallocated that a line still wanted: a SKU is either used up or every line of it filled', () => {
    fc.assert(
      fc.property(wantsAndStock, ({ wants, available }) => {
        const got = allocate(wants, available);
        for (const sku of new Set(wants.map((w) => w.sku))) {
          const ofSku = wants.filter((w) => w.sku === sku);
          const used = ofSku.reduce((n, w) => n + got.get(w.lineNo)!, 0);
          const allFilled = ofSku.every((w) => got.get(w.lineNo) === w.quantity);
          expect(allFilled || used === (available.get(sku) ?? 0)).toBe(true);
        }
      }),
    );
  });

  it('fills lines of a SKU in line order: a later line gets units only when every earlier one is filled', () => {
    fc.assert(
      fc.property(wantsAndStock, ({ wants, available }) => {
        const got = allocate(wants, available);
        wants.forEach((w, i) => {
          if (got.get(w.lineNo)! === 0) return;
          for (const earlier of wants.slice(0, i).filter((e) => e.sku === w.sku)) expect(got.get(earlier.lineNo)).toBe(earlier.quantity);
        });
      }),
    );
  });
});
