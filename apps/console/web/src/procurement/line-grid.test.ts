import { describe, expect, it } from 'vitest';
import { buildPurchaseOrder, serverProblemsOnGrid, type OrderTerms } from './line-grid';

const terms: OrderTerms = {
  buyerId: 'muster-maschinenbau',
  shipTo: { name: 'Goods In', line1: 'Industriestr. 5', line2: '', city: 'Koeln', postalCode: '50667', country: 'de' },
  wantedBy: '2030-01-31',
  currency: 'EUR',
  partialFill: 'back-order',
};

describe('the line grid', () => {
  it('builds the purchase order body, skipping blank rows', () => {
    const { body, problems } = buildPurchaseOrder(
      [
        { key: '1', sku: 'bolt-m8', quantity: '400', priceCeiling: '0.40' },
        { key: '2', sku: '', quantity: '', priceCeiling: '' },
        { key: '3', sku: 'NUT-M8', quantity: '100', priceCeiling: '' },
      ],
      terms,
    );
    expect(problems).toEqual({});
    expect(body).toEqual({
      buyerId: 'muster-maschinenbau',
      lines: [
        { sku: 'BOLT-M8', quantity: 400, priceCeilingMinor: 40 },
        { sku: 'NUT-M8', quantity: 100 },
      ],
      shipTo: { name: 'Goods In', line1: 'Industriestr. 5', line2: undefined, city: 'Koeln', postalCode: '50667', country: 'DE' },
      wantedBy: '2030-01-31',
      currency: 'EUR',
      partialFill: 'back-order',
    });
  });
  it('names each bad field and builds nothing', () => {
    const { body, problems } = buildPurchaseOrder([{ key: '7', sku: 'BOLT M8', quantity: '0', priceCeiling: 'lots' }], { ...terms, shipTo: { ...terms.shipTo, city: ' ' } });
    expect(body).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual(['lines.7.priceCeiling', 'lines.7.quantity', 'lines.7.sku', 'shipTo.city']);
  });
  it('puts the distributor\'s field problems on the grid rows they came from', () => {
    const lines = [
      { key: 'a', sku: 'X', quantity: '1', priceCeiling: '' },
      { key: 'b', sku: '', quantity: '', priceCeiling: '' },
      { key: 'c', sku: 'NOPE', quantity: '1', priceCeiling: '' },
    ];
    expect(serverProblemsOnGrid([{ field: 'lines[1].sku', message: 'unknown SKU' }], lines)).toEqual({ 'lines.c.sku': 'unknown SKU' });
  });
});
