import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInbound, type PartnerSyntax } from '@tradelane/edi';
import { ediConfig } from './edi.config';

/** The samples docs/edi.md has a buyer post to a fresh `npm start`: each is taken as it stands. */
const samples = join(__dirname, '../../../../docs/edi-samples');
const MUSTER: Record<string, PartnerSyntax> = {
  'x12-850-004010.edi': { standard: 'x12', version: '004010', identity: { qualifier: 'ZZ', id: 'MUSTERMB', groupId: 'MUSTERMB' } },
  'x12-850-005010.edi': { standard: 'x12', version: '005010', identity: { qualifier: 'ZZ', id: 'MUSTERMB', groupId: 'MUSTERMB' } },
  'edifact-orders-d96a.edi': { standard: 'edifact', version: 'D96A', identity: { id: 'MUSTERMB', qualifier: 'ZZZ' } },
  'cxml-order-request.xml': {
    standard: 'cxml',
    version: '1.2.069',
    from: { domain: 'NetworkID', identity: 'MUSTERMB' },
    sender: { domain: 'NetworkID', identity: 'MUSTERMB' },
    sharedSecret: 'muster-demo-shared-secret',
  },
};

describe('the documentation samples', () => {
  it.each(Object.entries(MUSTER))('%s is a purchase order of muster-maschinenbau', (file, partner) => {
    const result = parseInbound(readFileSync(join(samples, file), 'utf8'), partner, ediConfig().ours, { buyerId: 'muster-maschinenbau' });
    if (!result.ok) throw new Error(`${file}: ${result.rejection.field ?? ''} ${result.rejection.reason}`);
    expect(result.documents).toHaveLength(1);
    const [doc] = result.documents;
    expect(doc.content).toMatchObject({
      type: 'purchase-order',
      order: { buyerId: 'muster-maschinenbau', wantedBy: '2030-12-15', currency: 'EUR', shipTo: { postalCode: '50667', country: 'DE' } },
    });
    if (doc.content.type === 'purchase-order') expect(doc.content.order.lines[0]).toEqual({ sku: 'BOLT-M8', quantity: 400, priceCeilingMinor: 50 });
  });
});
