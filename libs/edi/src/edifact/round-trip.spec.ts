import { buildAsPartner, buildOutbound, documentContent, parseDocument, parseInbound } from '../api';
import type { OutboundDocument } from '../documents';
import { CONFIRMATION, DISPATCH, ORDER, purchaseOrderContent } from '../testing/messages';
import { EDIFACT_BUYER, OURS } from '../testing/partners';

const control = { interchange: 4711, group: 1, transaction: 1 };
const now = new Date('2026-12-01T10:30:00Z');

const outbound: OutboundDocument[] = [
  { kind: 'order-confirmation', confirmation: CONFIRMATION, order: ORDER, purchaseOrderNumber: 'PO-4711' },
  { kind: 'ship-notice', dispatch: DISPATCH, order: ORDER, purchaseOrderNumber: 'PO-4711', deliveryDate: '2026-12-10', shipFrom: 'DE-DUS' },
  { kind: 'invoice', confirmation: CONFIRMATION, purchaseOrderNumber: 'PO-4711', invoiceNumber: 'INV-1001', invoiceDate: '2026-12-11' },
];

describe('EDIFACT D.96A documents built by Tradelane parse back to the same content', () => {
  it.each(outbound.map((doc) => [doc.kind, doc] as const))('%s', (_kind, doc) => {
    const built = buildOutbound(doc, EDIFACT_BUYER, OURS, control, { now });
    expect(parseDocument(built.raw).contents).toEqual([documentContent(doc, now)]);
  });

  it('ORDERS parses inbound to the intake shape, keyed by UNB 0020 and the order number', () => {
    const raw = buildAsPartner(purchaseOrderContent('edifact:4711:PO-4711'), EDIFACT_BUYER, OURS, control, { now }).raw;
    const result = parseInbound(raw, EDIFACT_BUYER, OURS, { buyerId: ORDER.buyerId });
    expect(result.ok && result.documents.map((d) => d.content)).toEqual([purchaseOrderContent('edifact:4711:PO-4711')]);
  });
});
