import fc from 'fast-check';
import type { InquiryLine, Location, PartialFillPolicy, PurchaseOrder, PurchaseOrderLine } from '../../libs/contracts/src';
import { addDays } from '../../libs/contracts/src';

/**
 * Generators of domain values for the property tests. Amounts are integer minor units; a
 * currency comes with its ISO 4217 exponent so that amounts of different scales are exercised.
 */

export interface CurrencyUnit {
  code: string;
  exponent: number;
}

export const CURRENCIES: readonly CurrencyUnit[] = [
  { code: 'EUR', exponent: 2 },
  { code: 'USD', exponent: 2 },
  { code: 'CHF', exponent: 2 },
  { code: 'JPY', exponent: 0 },
  { code: 'KRW', exponent: 0 },
  { code: 'KWD', exponent: 3 },
  { code: 'BHD', exponent: 3 },
];

export const currency = fc.constantFrom(...CURRENCIES);
export const currencyCode = currency.map((c) => c.code);

/** A unit price of up to 1,000,000 major units in the currency's own scale. */
export const unitPriceMinorIn = (c: CurrencyUnit) => fc.integer({ min: 0, max: 1_000_000 * 10 ** c.exponent });

/** Any realistic minor-unit amount, whatever the currency (up to ten million major units at exponent 3). */
export const amountMinor = fc.integer({ min: 0, max: 10_000_000_000 });
export const positiveAmountMinor = fc.integer({ min: 1, max: 10_000_000_000 });

/** What a purchase order line may ask (the intake's limit is 10,000,000), mostly small. */
export const quantity = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 50 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) },
);

/** A SKU as the intake accepts it. */
export const sku = fc.stringMatching(/^[A-Z0-9][A-Z0-9._-]{0,15}$/);

/** A few SKUs per order, so that lines share a SKU and suppliers compete for it. */
export const skuPool = fc.uniqueArray(sku, { minLength: 1, maxLength: 5 });

export const location: fc.Arbitrary<Location> = fc.constantFrom(
  { code: 'DE-HAM', country: 'DE' },
  { code: 'DE-MUC', country: 'DE' },
  { code: 'NL-RTM', country: 'NL' },
  { code: 'PL-GDN', country: 'PL' },
);

/** A calendar day as `YYYY-MM-DD`, within a few years. */
export const isoDay = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2030-01-01', n));

export const partialFillPolicy: fc.Arbitrary<PartialFillPolicy> = fc.constantFrom('accept', 'back-order', 'cancel');

/** Lines numbered 1..n as the distributor numbers them, drawing SKUs from `skus`. */
export function orderLines(skus: string[], unit: CurrencyUnit, maxLength = 8): fc.Arbitrary<PurchaseOrderLine[]> {
  const line = fc.record(
    {
      sku: fc.constantFrom(...skus),
      quantity,
      priceCeilingMinor: fc.oneof(unitPriceMinorIn(unit), fc.constant(1_000_000 * 10 ** unit.exponent)),
    },
    { requiredKeys: ['sku', 'quantity'] },
  );
  return fc.array(line, { minLength: 1, maxLength }).map((lines) => lines.map((l, i) => ({ lineNo: i + 1, ...l })));
}

export const asInquiryLines = (lines: PurchaseOrderLine[]): InquiryLine[] =>
  lines.map(({ lineNo, sku: s, quantity: q, priceCeilingMinor }) => ({
    lineNo,
    sku: s,
    quantity: q,
    ...(priceCeilingMinor !== undefined ? { priceCeilingMinor } : {}),
  }));

export interface GeneratedOrder {
  order: PurchaseOrder;
  unit: CurrencyUnit;
  skus: string[];
}

/** A purchase order as the workflow receives it. */
export const purchaseOrder: fc.Arbitrary<GeneratedOrder> = fc
  .record({ unit: currency, skus: skuPool })
  .chain(({ unit, skus }) =>
    fc
      .record({
        lines: orderLines(skus, unit),
        wantedBy: isoDay,
        partialFill: partialFillPolicy,
        country: location.map((l) => l.country),
      })
      .map(({ lines, wantedBy, partialFill, country }) => ({
        unit,
        skus,
        order: {
          orderId: 'order-1',
          buyerId: 'muster-maschinenbau',
          lines,
          shipTo: { name: 'Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country },
          wantedBy,
          currency: unit.code,
          partialFill,
          submittedAt: '2030-01-01T08:00:00.000Z',
        },
      })),
  );

export interface SupplierStockItem {
  sku: string;
  available: number;
  unitPriceMinor: number;
  currency: string;
  /** What the catalogue publishes; it may lag behind what is really available. */
  publishedAvailable: number;
}

export interface GeneratedSupplier {
  id: string;
  location: Location;
  leadDays: number;
  stock: SupplierStockItem[];
}

/** Stock a supplier holds of some of `skus`, mostly in the order's currency, sometimes in another. */
export function supplierStock(skus: string[], unit: CurrencyUnit): fc.Arbitrary<SupplierStockItem[]> {
  const held = fc.oneof({ weight: 2, arbitrary: fc.constant(skus) }, { weight: 1, arbitrary: fc.subarray(skus) });
  return held.chain((held) =>
    fc.tuple(
      ...held.map((s) =>
        fc.record({
          sku: fc.constant(s),
          available: fc.oneof(
            { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
            { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000_000 }) },
            { weight: 1, arbitrary: fc.constant(20_000_000) },
          ),
          unitPriceMinor: unitPriceMinorIn(unit),
          currency: fc.oneof({ weight: 9, arbitrary: fc.constant(unit.code) }, { weight: 1, arbitrary: currencyCode }),
          publishedAvailable: fc.integer({ min: 0, max: 20_000_000 }),
        }),
      ),
    ),
  );
}

/** One to four suppliers with distinct ids, each at one location. */
export function suppliers(skus: string[], unit: CurrencyUnit): fc.Arbitrary<GeneratedSupplier[]> {
  return fc
    .uniqueArray(fc.constantFrom('acme-steel', 'nordic-fasteners', 'vistula-metal', 'rhine-tools'), { minLength: 1, maxLength: 4 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            location,
            leadDays: fc.integer({ min: 0, max: 30 }),
            stock: supplierStock(skus, unit),
          }),
        ),
      ),
    );
}
