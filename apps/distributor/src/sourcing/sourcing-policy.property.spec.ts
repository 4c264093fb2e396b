import fc from 'fast-check';
import { purchaseOrder, suppliers } from '../../../../test/support/arbitraries';
import { rankSuppliers, sourceLines, type Offer } from './sourcing-policy';

/** A catalogue of offers for the order's SKUs: at most one per supplier and SKU, as the catalogue keys them. */
const planned = purchaseOrder.chain((g) =>
  suppliers(g.skus, g.unit).map((found) => ({
    order: g.order,
    offers: found.flatMap((s) =>
      s.stock.map(
        (item): Offer => ({
          sku: item.sku,
          supplierId: s.id,
          unitPriceMinor: item.unitPriceMinor,
          leadDays: s.leadDays,
          publishedAvailable: item.publishedAvailable,
        }),
      ),
    ),
  })),
);

describe('the sourcing policy over generated orders', () => {
  it('plans every line once, in order, as asked', () => {
    fc.assert(
      fc.property(planned, ({ order, offers }) => {
        const plan = sourceLines(order.lines, offers);
        expect(plan.map(({ lineNo, sku, quantity, priceCeilingMinor }) => ({ lineNo, sku, quantity, priceCeilingMinor }))).toEqual(
          order.lines.map(({ lineNo, sku, quantity, priceCeilingMinor }) => ({ lineNo, sku, quantity, priceCeilingMinor })),
        );
      }),
    );
  });

  it('names as candidates exactly the suppliers offering the SKU within the ceiling, each once', () => {
    fc.assert(
      fc.property(planned, ({ order, offers }) => {
        for (const line of sourceLines(order.lines, offers)) {
          const eligible = offers
            .filter((o) => o.sku === line.sku && (line.priceCeilingMinor === undefined || o.unitPriceMinor <= line.priceCeilingMinor))
            .map((o) => o.supplierId);
          expect([...line.candidates].sort()).toEqual([...eligible].sort());
        }
      }),
    );
  });

  it('ranks those with enough stock for the whole line first, then cheaper, then sooner', () => {
    fc.assert(
      fc.property(planned, ({ order, offers }) => {
        for (const line of order.lines) {
          const forSku = offers.filter((o) => o.sku === line.sku);
          const ranked = rankSuppliers(line, forSku).map((id) => forSku.find((o) => o.supplierId === id)!);
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1], ranked[i]];
            const enough = (o: Offer) => (o.publishedAvailable >= line.quantity ? 0 : 1);
            expect(enough(a)).toBeLessThanOrEqual(enough(b));
            if (enough(a) === enough(b)) {
              expect(a.unitPriceMinor).toBeLessThanOrEqual(b.unitPriceMinor);
              if (a.unitPriceMinor === b.unitPriceMinor) expect(a.leadDays).toBeLessThanOrEqual(b.leadDays);
            }
          }
        }
      }),
    );
  });

  it('does not depend on the order the catalogue lists its offers in', () => {
    fc.assert(
      fc.property(
        planned.chain((p) => fc.shuffledSubarray(p.offers, { minLength: p.offers.length, maxLength: p.offers.length }).map((shuffled) => ({ ...p, shuffled }))),
        ({ order, offers, shuffled }) => {
          expect(sourceLines(order.lines, shuffled)).toEqual(sourceLines(order.lines, offers));
        },
      ),
    );
  });
});
