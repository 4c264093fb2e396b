import { buildAsPartner, buildOutbound, parseInbound } from '../api';
import type { InboundDocument } from '../documents';
import { purchaseOrderContent } from '../testing/messages';
import { CXML_BUYER, EDIFACT_BUYER, OURS, X12_BUYER } from '../testing/partners';
import { locate, refusalError } from './refusal';

const control = { interchange: 905, group: 17, transaction: 1 };

function inbound(partner: typeof X12_BUYER | typeof EDIFACT_BUYER | typeof CXML_BUYER): InboundDocument {
  const result = parseInbound(buildAsPartner(purchaseOrderContent(), partner, OURS, control).raw, partner, OURS);
  if (!result.ok) throw new Error(result.rejection.reason);
  return result.documents[0];
}

describe('what the intake refuses is answered where it was read', () => {
  it('X12: an unknown SKU on the second line is PO107 of segment 9, AK403 7, in the 997', () => {
    const doc = inbound(X12_BUYER);
    expect(refusalError(doc, 'x12', 'lines[1].sku', 'NUT-M8')).toEqual({ segmentId: 'PO1', segmentPosition: 9, elementPosition: 7, code: '7', value: 'NUT-M8' });
    expect(refusalError(doc, 'x12', 'wantedBy')).toEqual({ segmentId: 'DTM', segmentPosition: 4, elementPosition: 2, code: '7' });
    expect(refusalError(doc, 'x12', 'order.shipTo.country')).toEqual({ segmentId: 'N4', segmentPosition: 7, elementPosition: 4, code: '7' });
    expect(refusalError(doc, 'x12', 'lines[0].unitOfMeasure')).toEqual({ segmentId: 'PO1', segmentPosition: 8, code: '8' });
    expect(refusalError(doc, 'x12', 'partialFill')).toEqual({ code: '5' });

    const result = parseInbound(buildAsPartner(purchaseOrderContent(), X12_BUYER, OURS, control).raw, X12_BUYER, OURS);
    if (!result.ok) throw new Error('refused');
    const ack = result.acknowledgment!;
    const refused = { ...ack, accepted: false, transactions: [{ ...ack.transactions[0], accepted: false, errors: [refusalError(doc, 'x12', 'lines[1].sku', 'NUT-M8')] }], counts: { ...ack.counts!, accepted: 0 } };
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: refused }, X12_BUYER, OURS, control).raw;
    expect(raw).toContain('AK3*PO1*9**8~\nAK4*7**7*NUT-M8~\nAK5*R*5~\nAK9*R*1*1*0~');
  });

  it('EDIFACT: an unknown SKU is LIN 3:1, code 12, in the CONTRL', () => {
    const doc = inbound(EDIFACT_BUYER);
    expect(refusalError(doc, 'edifact', 'lines[0].sku')).toEqual({ segmentId: 'LIN', segmentPosition: 7, elementPosition: 3, componentPosition: 1, code: '12' });
    expect(refusalError(doc, 'edifact', 'lines[1].quantity')).toEqual({ segmentId: 'QTY', segmentPosition: 11, elementPosition: 1, componentPosition: 2, code: '12' });
  });

  it('cXML: the XML path, for the Response status text', () => {
    expect(locate(inbound(CXML_BUYER), 'lines[1].sku')).toEqual({ path: 'ItemOut[2]/ItemID/SupplierPartID' });
  });
});
