import fc from 'fast-check';
import { buildAsPartner, buildContent, parseDocument, parseInbound } from '../api';
import type { DocumentContent } from '../documents';
import { arbitraries } from '../testing/arbitraries';
import { OURS, X12_BUYER, X12_BUYER_5010, X12_CARRIER, X12_SUPPLIER } from '../testing/partners';

const control = { interchange: 905, group: 17, transaction: 1 };
const a = arbitraries('x12');

describe.each([X12_BUYER, X12_BUYER_5010])('X12 $version: any content written parses back the same', (partner) => {
  const roundTrip = (content: DocumentContent) => expect(parseDocument(buildContent(content, partner, OURS, control).raw).contents).toEqual([content]);

  it.each([
    ['855 order confirmation', a.orderResponse],
    ['856 ship notice', a.shipNotice],
    ['810 invoice', a.invoice],
    ['850 stock inquiry', a.stockInquiry],
    ['204 load tender', a.loadTender],
  ] as const)('%s', (_name, arbitrary) => fc.assert(fc.property(arbitrary as fc.Arbitrary<DocumentContent>, roundTrip), { numRuns: 60 }));

  it('850 purchase order from the buyer, read inbound with its checks', () =>
    fc.assert(
      fc.property(a.purchaseOrder('000000905'), (content) => {
        const result = parseInbound(buildAsPartner(content, partner, OURS, control).raw, partner, OURS, { buyerId: 'muster-maschinenbau' });
        expect(result.ok && result.documents.map((d) => d.content)).toEqual([content]);
      }),
      { numRuns: 60 },
    ));
});

describe('X12 documents from suppliers and carriers, read inbound', () => {
  it('855 stock answer', () =>
    fc.assert(
      fc.property(a.stockAnswer, (content) => {
        const result = parseInbound(buildAsPartner(content, X12_SUPPLIER, OURS, control).raw, X12_SUPPLIER, OURS);
        expect(result.ok && result.documents.map((d) => d.content)).toEqual([content]);
      }),
      { numRuns: 60 },
    ));

  it('990 response to a load tender', () =>
    fc.assert(
      fc.property(a.loadTenderResponse, (content) => {
        const result = parseInbound(buildAsPartner(content, X12_CARRIER, OURS, control).raw, X12_CARRIER, OURS);
        expect(result.ok && result.documents.map((d) => d.content)).toEqual([content]);
        expect(result.ok && result.acknowledgment).toMatchObject({ accepted: true, group: { functionalId: 'GF' } });
      }),
      { numRuns: 60 },
    ));
});
