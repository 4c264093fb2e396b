import { buildOutbound, parseDocument, parseInbound, rejectionResponse } from '../api';
import { sample } from '../testing/samples';
import { OURS, X12_BUYER, X12_BUYER_5010, X12_SUPPLIER } from '../testing/partners';
import { tokenizeX12 } from './tokenizer';

const control = { interchange: 9001, group: 9001, transaction: 1 };

describe('published X12 samples (x12/samples/SOURCES.md)', () => {
  it("X12's basic 850 example is read, and answered with a 997 naming the DTM*002 our mapping needs (segment 3, after BEG)", () => {
    const result = parseInbound(sample('x12', 'x12org-850-basic.edi'), X12_BUYER, OURS, { buyerId: 'abc-aerospace' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ status: 400, field: 'DTM' });
    expect(result.rejection.acknowledgment).toMatchObject({
      accepted: false,
      group: { functionalId: 'PO', controlNumber: '101' },
      transactions: [{ setId: '850', controlNumber: '0001', accepted: false, errors: [{ segmentId: 'DTM', segmentPosition: 3, code: '3' }] }],
    });
    const answer = rejectionResponse(result.rejection, X12_BUYER, OURS, control, { now: new Date('2026-12-01T10:00:00Z') })!;
    expect(answer).toContain('AK1*PO*101~');
    expect(answer).toContain('AK2*850*0001~');
    expect(answer).toContain('AK3*DTM*3**3~');
    expect(answer).toContain('AK5*R*5~');
    expect(answer).toContain('AK9*R*1*1*0~');
  });

  it('the same example with a ship-to and a delivery date maps to the intake shape (MG part number, price 3 USD → 300)', () => {
    const result = parseInbound(sample('x12', 'x12org-850-basic-with-ship-to.edi'), X12_BUYER, OURS, { buyerId: 'abc-aerospace' });
    expect(result.ok && result.documents[0].content).toEqual({
      type: 'purchase-order',
      purchaseOrderNumber: '508517',
      orderDate: '2000-05-06',
      buyerLineIds: ['1'],
      order: {
        buyerId: 'abc-aerospace',
        lines: [{ sku: 'R5656-2', quantity: 48, priceCeilingMinor: 300 }],
        shipTo: { name: 'ABC Aerospace Receiving', line1: '1000 BOARDWALK DRIVE', city: 'SOMEWHERE', postalCode: '98898', country: 'US' },
        wantedBy: '2000-05-20',
        currency: 'USD',
        idempotencyKey: 'x12:000000102:508517',
      },
    });
    expect(result.ok && result.acknowledgment).toMatchObject({ accepted: true, counts: { included: 1, received: 1, accepted: 1 } });
  });

  it("IBM Sterling's 007040 example: separators come from its ISA (^ repetition, : component), and its version is refused with a TA1 017", () => {
    const raw = sample('x12', 'ibm-sterling-850-007040.edi');
    expect(tokenizeX12(raw).separators).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
    const partner = { ...X12_BUYER_5010, identity: { qualifier: '08', id: 'WALLY', groupId: '5012738712' } };
    const result = parseInbound(raw, partner, { ...OURS, x12: { qualifier: '01', id: 'ME', groupId: '18130529' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ status: 400, field: 'ISA12', acknowledgment: { interchangeControlNumber: '000000002', interchangeError: { code: '017' } } });
    const ta1 = rejectionResponse(result.rejection, partner, OURS, control, { now: new Date('2026-12-01T10:00:00Z') })!;
    expect(ta1).toContain('TA1*000000002*180820*0500*R*017~');
    expect(parseDocument(ta1).contents[0]).toMatchObject({ type: 'acknowledgment', accepted: false, interchangeError: { code: '017' } });
  });

  it("BISAC's 3060 855 writes YYMMDD dates: as a 004010 stock answer it is refused at BAK04 (segment 2, element 4, code 8)", () => {
    const result = parseInbound(sample('x12', 'bisac-855-3060.edi'), X12_SUPPLIER, OURS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.field).toBe('BAK04');
    expect(result.rejection.acknowledgment!.transactions[0].errors).toEqual([{ segmentId: 'BAK', segmentPosition: 2, elementPosition: 4, code: '8', value: '980131' }]);
    const answer = rejectionResponse(result.rejection, X12_SUPPLIER, OURS, control)!;
    expect(answer).toContain('AK3*BAK*2**8~');
    expect(answer).toContain('AK4*4**8*980131~');
  });

  it('our 997 for an accepted interchange has the shape the samples above answer to', () => {
    const result = parseInbound(sample('x12', 'x12org-850-basic-with-ship-to.edi'), X12_BUYER, OURS);
    if (!result.ok) throw new Error(result.rejection.reason);
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: result.acknowledgment! }, X12_BUYER, OURS, control, { now: new Date('2026-12-01T10:00:00Z') }).raw;
    expect(raw.split('\n').filter(Boolean)).toEqual([
      'ISA*00*          *00*          *ZZ*TRADELANE      *ZZ*MUSTERBUYER    *261201*1000*U*00401*000009001*0*P*>~',
      'GS*FA*TRADELANE*MUSTERBUYER*20261201*1000*9001*X*004010~',
      'ST*997*0001~',
      'AK1*PO*102~',
      'AK2*850*0001~',
      'AK5*A~',
      'AK9*A*1*1*1~',
      'SE*6*0001~',
      'GE*1*9001~',
      'IEA*1*000009001~',
    ]);
  });
});
