import fc from 'fast-check';
import { buildAsPartner, buildContent, parseDocument, parseInbound } from '../api';
import type { DocumentContent } from '../documents';
import { arbitraries } from '../testing/arbitraries';
import { EDIFACT_BUYER, OURS } from '../testing/partners';

const control = { interchange: 4711, group: 1, transaction: 1 };
const a = arbitraries('edifact');
/** Separators of another UNA, so that what the advice declares is what is read. */
const SEMICOLONS = { ...EDIFACT_BUYER, separators: { component: '|', element: ';', decimal: ',', release: '!', segment: '~' } };

describe.each([EDIFACT_BUYER, SEMICOLONS])('EDIFACT D.96A: any content written parses back the same (separators %#)', (partner) => {
  it.each([
    ['ORDRSP', a.orderResponse],
    ['DESADV', a.shipNotice],
    ['INVOIC', a.invoice],
  ] as const)('%s', (_name, arbitrary) =>
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<DocumentContent>, (content) => expect(parseDocument(buildContent(content, partner, OURS, control).raw).contents).toEqual([content])),
      { numRuns: 60 },
    ));

  it('ORDERS from the buyer, read inbound with its checks (release characters in names and streets)', () =>
    fc.assert(
      fc.property(a.purchaseOrder('4711'), (content) => {
        const result = parseInbound(buildAsPartner(content, partner, OURS, control).raw, partner, OURS, { buyerId: 'muster-maschinenbau' });
        expect(result.ok && result.documents.map((d) => d.content)).toEqual([content]);
      }),
      { numRuns: 60 },
    ));
});
