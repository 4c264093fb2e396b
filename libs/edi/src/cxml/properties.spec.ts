import fc from 'fast-check';
import { buildAsPartner, buildContent, parseDocument, parseInbound } from '../api';
import type { DocumentContent } from '../documents';
import { arbitraries } from '../testing/arbitraries';
import { CXML_BUYER, OURS } from '../testing/partners';

const control = { interchange: 77, group: 1, transaction: 1 };
const a = arbitraries('cxml');

describe('cXML 1.2: any content written parses back the same (XML special characters in the text)', () => {
  it.each([
    ['ConfirmationRequest', a.orderResponse],
    ['ShipNoticeRequest', a.shipNotice],
    ['InvoiceDetailRequest', a.invoice],
  ] as const)('%s', (_name, arbitrary) =>
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<DocumentContent>, (content) => expect(parseDocument(buildContent(content, CXML_BUYER, OURS, control).raw).contents).toEqual([content])),
      { numRuns: 60 },
    ));

  it('OrderRequest from the buyer, read inbound with its checks', () =>
    fc.assert(
      fc.property(a.purchaseOrder('p-1@buyer'), (content) => {
        const result = parseInbound(buildAsPartner(content, CXML_BUYER, OURS, control, { payloadId: 'p-1@buyer' }).raw, CXML_BUYER, OURS, { buyerId: 'muster-maschinenbau' });
        expect(result.ok && result.documents.map((d) => d.content)).toEqual([content]);
      }),
      { numRuns: 60 },
    ));
});
