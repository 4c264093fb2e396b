import type { PurchaseOrder } from '@tradelane/contracts';
import { backOrderContent, contentHash, orderContent } from './order-content';

const shipTo = { name: 'Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' };
const input = {
  buyerId: 'muster',
  lines: [{ sku: 'BOLT-M8', quantity: 5, priceCeilingMinor: 12 }, { sku: 'NUT-M8', quantity: 3 }],
  shipTo,
  wantedBy: '2030-01-10',
  currency: 'EUR',
};

describe('order content', () => {
  it('numbers lines from 1 and defaults the partial-fill policy to cancel', () => {
    expect(orderContent(input)).toEqual({
      buyerId: 'muster',
      lines: [
        { lineNo: 1, sku: 'BOLT-M8', quantity: 5, priceCeilingMinor: 12 },
        { lineNo: 2, sku: 'NUT-M8', quantity: 3 },
      ],
      shipTo,
      wantedBy: '2030-01-10',
      currency: 'EUR',
      partialFill: 'cancel',
    });
  });

  it('hashes the same order the same whatever order its keys came in, and the key does not count', () => {
    const reordered = {
      idempotencyKey: 'k-1',
      currency: 'EUR',
      wantedBy: '2030-01-10',
      shipTo: { country: 'DE', postalCode: '50667', city: 'Köln', line1: 'Industriestr. 5', name: 'Goods In' },
      lines: [{ quantity: 5, priceCeilingMinor: 12, sku: 'BOLT-M8' }, { quantity: 3, sku: 'NUT-M8' }],
      partialFill: 'cancel' as const,
      buyerId: 'muster',
    };
    expect(contentHash(orderContent(reordered))).toBe(contentHash(orderContent(input)));
    expect(contentHash(orderContent({ ...input, partialFill: 'accept' }))).not.toBe(contentHash(orderContent(input)));
  });

  it('makes a back-order that accepts what it gets, renumbered, pointing at its parent', () => {
    const parent: PurchaseOrder = { orderId: 'p-1', ...orderContent(input), partialFill: 'back-order', submittedAt: '2030-01-01T00:00:00Z' };
    expect(backOrderContent(parent, [{ lineNo: 2, sku: 'NUT-M8', quantity: 1, priceCeilingMinor: 4 }])).toEqual({
      buyerId: 'muster',
      lines: [{ lineNo: 1, sku: 'NUT-M8', quantity: 1, priceCeilingMinor: 4 }],
      shipTo,
      wantedBy: '2030-01-10',
      currency: 'EUR',
      partialFill: 'accept',
      backOrderOf: 'p-1',
    });
  });
});
