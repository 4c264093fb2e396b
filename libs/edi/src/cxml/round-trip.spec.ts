import { buildAsPartner, buildOutbound, documentContent, parseDocument, parseInbound } from '../api';
import type { OutboundDocument } from '../documents';
import { CONFIRMATION, DISPATCH, ORDER, purchaseOrderContent } from '../testing/messages';
import { CXML_BUYER, OURS } from '../testing/partners';

const control = { interchange: 77, group: 1, transaction: 1 };
const now = new Date('2026-12-01T10:30:00Z');

const outbound: OutboundDocument[] = [
  { kind: 'order-confirmation', confirmation: CONFIRMATION, order: ORDER, purchaseOrderNumber: 'PO-4711' },
  { kind: 'ship-notice', dispatch: DISPATCH, order: ORDER, purchaseOrderNumber: 'PO-4711', deliveryDate: '2026-12-10', shipFrom: 'DE-DUS' },
  { kind: 'invoice', confirmation: CONFIRMATION, purchaseOrderNumber: 'PO-4711', invoiceNumber: 'INV-1001', invoiceDate: '2026-12-11' },
];

/** The buyer's procurement system, posting to us. */
const orderRequestFromBuyer = (payloadId = '1733050800000.42@procure.example') => buildAsPartner(purchaseOrderContent(), CXML_BUYER, OURS, control, { now, payloadId }).raw;

describe('cXML 1.2 documents built by Tradelane parse back to the same content', () => {
  it.each(outbound.map((doc) => [doc.kind, doc] as const))('%s', (_kind, doc) => {
    const built = buildOutbound(doc, CXML_BUYER, OURS, control, { now });
    expect(built.raw).toContain('<SharedSecret>abracadabra</SharedSecret>');
    expect(parseDocument(built.raw).contents).toEqual([documentContent(doc, now)]);
  });

  it('an OrderRequest parses inbound to the intake shape, keyed by payloadID and orderID, and is answered 200', () => {
    const result = parseInbound(orderRequestFromBuyer(), CXML_BUYER, OURS, { buyerId: ORDER.buyerId });
    expect(result.ok && result.documents.map((d) => d.content)).toEqual([purchaseOrderContent('cxml:1733050800000.42@procure.example:PO-4711')]);
    expect(result.ok && result.cxmlResponse).toMatch(/<Status code="200" text="OK"\/>/);
  });
});
