import { parseInbound, rejectionResponse } from '../api';
import { sample } from '../testing/samples';
import { EDIFACT_BUYER, OURS } from '../testing/partners';

const control = { interchange: 5001, group: 1, transaction: 1 };

describe('published EDIFACT samples (edifact/samples/SOURCES.md)', () => {
  it("GS1's eOrders example is a proposal (BGM 1225 16): refused at BGM element 3, UCD 12", () => {
    const result = parseInbound(sample('edifact', 'gs1-eorders-cmi.edi'), EDIFACT_BUYER, OURS, { buyerId: 'muster-markt' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ status: 400, field: 'BGM03', reason: 'message ME000002 (ORDERS): segment 2 (BGM): BGM element 3.1 16 is not an original order (9)' });
    expect(rejectionResponse(result.rejection, EDIFACT_BUYER, OURS, control)).toContain("UCS+2'\nUCD+12+3:1'");
  });

  it("as an original it is read (UNT+15 counts right), and refused by a CONTRL naming the ship-to it lacks", () => {
    const raw = sample('edifact', 'gs1-eorders-cmi.edi').replace("BGM+220+128577+16'", "BGM+220+128577+9'");
    const result = parseInbound(raw, EDIFACT_BUYER, OURS, { buyerId: 'muster-markt' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ status: 400, field: 'NAD' });
    expect(result.rejection.acknowledgment).toMatchObject({
      standard: 'edifact',
      interchangeControlNumber: '128577',
      accepted: false,
      transactions: [{ setId: 'ORDERS', controlNumber: 'ME000002', accepted: false, errors: [{ segmentId: 'NAD', segmentPosition: 3, code: '13' }] }],
    });
    const contrl = rejectionResponse(result.rejection, EDIFACT_BUYER, OURS, control, { now: new Date('2026-12-01T10:00:00Z') })!;
    expect(contrl).toContain("UNH+1+CONTRL:D:3:UN'");
    expect(contrl).toContain("UCI+128577+4012345000009:14+TRADELANE:ZZZ+4'");
    expect(contrl).toContain("UCM+ME000002+ORDERS:D:96A:UN+4'");
    expect(contrl).toContain("UCS+3+13'");
  });

  it('with a structured delivery party it maps: released ?+ and ?: kept, the decimal comma read, the CONTRL asked for (UNB 0031)', () => {
    const result = parseInbound(sample('edifact', 'gs1-eorders-with-delivery-party.edi'), EDIFACT_BUYER, OURS, { buyerId: 'muster-markt' });
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.documents[0].content).toEqual({
      type: 'purchase-order',
      purchaseOrderNumber: '128577',
      orderDate: '2002-08-30',
      buyerLineIds: ['1'],
      order: {
        buyerId: 'muster-markt',
        lines: [{ sku: '4000862141404', quantity: 48, priceCeilingMinor: 1250 }],
        shipTo: { name: 'Muster Markt Zentrallager', line1: 'Lagerstr. 1+3: Tor 3', city: 'Köln', postalCode: '50667', country: 'DE' },
        wantedBy: '2002-09-03',
        currency: 'EUR',
        idempotencyKey: 'edifact:128578:128577',
      },
    });
    expect(result.acknowledgment).toMatchObject({ accepted: true, transactions: [{ controlNumber: 'ME000002', accepted: true }] });
  });
});
