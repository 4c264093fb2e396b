import { buildAsPartner, buildOutbound, documentContent, parseDocument, parseInbound } from '../api';
import type { OutboundDocument } from '../documents';
import { CONFIRMATION, DISPATCH, INQUIRY, ORDER, TRANSPORT, purchaseOrderContent } from '../testing/messages';
import { OURS, X12_BUYER, X12_BUYER_5010 } from '../testing/partners';

const control = { interchange: 905, group: 17, transaction: 1 };
const now = new Date('2026-12-01T10:30:00Z');

const outbound: OutboundDocument[] = [
  { kind: 'order-confirmation', confirmation: CONFIRMATION, order: ORDER, purchaseOrderNumber: 'PO-4711' },
  { kind: 'ship-notice', dispatch: DISPATCH, order: ORDER, purchaseOrderNumber: 'PO-4711', deliveryDate: '2026-12-10', shipFrom: 'DE-DUS' },
  { kind: 'invoice', confirmation: CONFIRMATION, purchaseOrderNumber: 'PO-4711', invoiceNumber: 'INV-1001', invoiceDate: '2026-12-11' },
  { kind: 'stock-inquiry', inquiry: INQUIRY, reference: 'SI-1', date: '2026-12-01' },
  { kind: 'load-tender', notice: TRANSPORT, shipment: { weightGrams: 125500, lineCount: 2 }, date: '2026-12-01' },
];

describe.each([X12_BUYER, X12_BUYER_5010])('X12 $version documents built by Tradelane parse back to the same content', (partner) => {
  it.each(outbound.map((doc) => [doc.kind, doc] as const))('%s', (_kind, doc) => {
    const built = buildOutbound(doc, partner, OURS, control, { now });
    const parsed = parseDocument(built.raw);
    expect(parsed.contents).toEqual([documentContent(doc, now)]);
    expect(parsed.interchange.controlNumber).toBe('000000905');
  });

  it('a buyer 850 parses inbound to the intake shape with the key of its interchange and PO number', () => {
    const raw = buildAsPartner(purchaseOrderContent('x12:000000905:PO-4711'), partner, OURS, control, { now }).raw;
    const result = parseInbound(raw, partner, OURS, { buyerId: ORDER.buyerId });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.documents.map((d) => d.content)).toEqual([purchaseOrderContent('x12:000000905:PO-4711')]);
    expect(result.acknowledgment).toMatchObject({ accepted: true, transactions: [{ setId: '850', controlNumber: '0001', accepted: true, errors: [] }] });
  });
});
