import { parseInbound } from '../api';
import type { CxmlPartner, OurIdentity } from '../partner';
import { sample } from '../testing/samples';
import { OURS } from '../testing/partners';

const partner: CxmlPartner = {
  standard: 'cxml',
  version: '1.2.014',
  from: { domain: 'NetworkID', identity: 'TEST_CORP' },
  sender: { domain: 'NetworkID', identity: 'TEST_CORP' },
  sharedSecret: 'password',
};
const ours: OurIdentity = { ...OURS, cxml: { domain: 'NetworkID', identity: 'SUPPLIER_INC' } };

describe('published cXML samples (cxml/samples/SOURCES.md)', () => {
  it("TradeCentric's standard OrderRequest maps to the intake shape, SupplierPartID 00123 kept as text, and is answered 200", () => {
    const result = parseInbound(sample('cxml', 'tradecentric-order-request.xml'), partner, ours, { buyerId: 'test-corp' });
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.interchange).toMatchObject({ controlNumber: '93369535150910.10.57.136', senderId: 'TEST_CORP', receiverId: 'SUPPLIER_INC', preparedAt: '2022-11-18T10:57:13-05:00' });
    expect(result.documents[0].content).toEqual({
      type: 'purchase-order',
      purchaseOrderNumber: 'PO-123',
      orderDate: '2022-11-18',
      buyerLineIds: ['1', '2'],
      order: {
        buyerId: 'test-corp',
        lines: [
          { sku: '00123', quantity: 3, priceCeilingMinor: 3499 },
          { sku: 'GADGET-7', quantity: 1, priceCeilingMinor: 3712 },
        ],
        shipTo: { name: 'Test Corp. - Nashville Branch', line1: '123 Test St.; Suite A', city: 'Nashville', postalCode: '37011', country: 'US' },
        wantedBy: '2022-11-25',
        currency: 'USD',
        idempotencyKey: 'cxml:93369535150910.10.57.136:PO-123',
      },
    });
    expect(result.cxmlResponse).toMatch(/<Status code="200" text="OK"\/>/);
  });

  it('the same document with another shared secret is answered 401 and maps nothing', () => {
    const result = parseInbound(sample('cxml', 'tradecentric-order-request.xml'), { ...partner, sharedSecret: 'not-password' }, ours);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ status: 401, field: 'Header/Sender/Credential/SharedSecret' });
    expect(result.rejection.cxmlResponse).toMatch(/<Status code="401" text="Unauthorized">the shared secret is wrong or missing<\/Status>/);
  });
});
