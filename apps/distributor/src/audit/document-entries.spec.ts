import { createHash } from 'node:crypto';
import { byTime, documentEntry, type StoredDocument } from './document-entries';
import { timelineCsv, timelineEntry, type TimelineEntry } from './timeline';

const raw = 'ISA*00*          *00*          *ZZ*EDIBUYER4010   *ZZ*TRADELANE      *261201*1200*U*00401*000001001*0*P*>~\n';
const stored = (over: Partial<StoredDocument> = {}): StoredDocument => ({
  id: '0b6f3f5e-7f0a-4a55-9b1e-2d3c4e5f6a7b',
  partnerId: 'edi-buyer-x12-4010',
  partnerRole: 'buyer',
  direction: 'inbound',
  standard: 'x12',
  version: '004010',
  documentType: '850',
  interchangeControl: '000001001',
  groupControl: '1001',
  transactionControl: '0001',
  status: 'accepted',
  reason: null,
  inReplyTo: null,
  raw,
  createdAt: new Date('2026-11-25T10:00:00.000Z'),
  ...over,
});

const logged = (seq: number, sentAt: string): TimelineEntry =>
  timelineEntry({
    seq,
    sentAt,
    step: null,
    name: 'reminder',
    sender: { role: 'distributor', id: 'tradelane' },
    receiver: { role: 'buyer', id: 'edi-buyer-x12-4010' },
    payload: { waitingFor: 'payment', deadline: '2026-12-01' },
  });

describe('EDI documents in the timeline', () => {
  it('shows an inbound document from its partner, with its control numbers, status and the digest of its raw text', () => {
    expect(documentEntry(stored())).toEqual({
      seq: null,
      at: '2026-11-25T10:00:00.000Z',
      step: null,
      kind: 'document',
      name: 'X12 850',
      actor: { role: 'buyer', id: 'edi-buyer-x12-4010' },
      to: { role: 'distributor', id: 'tradelane' },
      digest: createHash('sha256').update(raw, 'utf8').digest('hex'),
      summary:
        'inbound X12 850 004010 from edi-buyer-x12-4010: interchange 000001001, group 1001, transaction 0001; accepted; document 0b6f3f5e-7f0a-4a55-9b1e-2d3c4e5f6a7b',
      coveredBy: [],
      document: {
        id: '0b6f3f5e-7f0a-4a55-9b1e-2d3c4e5f6a7b',
        direction: 'inbound',
        standard: 'x12',
        version: '004010',
        documentType: '850',
        interchangeControl: '000001001',
        groupControl: '1001',
        transactionControl: '0001',
        status: 'accepted',
        reason: null,
        inReplyTo: null,
      },
    });
  });

  it('shows an outbound document as the distributor\'s, and a rejection with its reason', () => {
    const ordrsp = documentEntry(stored({ direction: 'outbound', standard: 'edifact', version: 'D96A', documentType: 'ORDRSP', status: 'ready', groupControl: null, transactionControl: '1' }));
    expect([ordrsp.name, ordrsp.actor, ordrsp.to]).toEqual(['EDIFACT ORDRSP', { role: 'distributor', id: 'tradelane' }, { role: 'buyer', id: 'edi-buyer-x12-4010' }]);
    expect(ordrsp.summary).toMatch(/^outbound EDIFACT ORDRSP D96A to edi-buyer-x12-4010: interchange 000001001, transaction 1; ready;/);
    const rejected = documentEntry(stored({ standard: 'cxml', version: null, documentType: 'OrderRequest', status: 'rejected', reason: 'unknown SKU NO-SUCH-SKU', interchangeControl: null, groupControl: null, transactionControl: null }));
    expect(rejected.name).toBe('cXML OrderRequest');
    expect(rejected.summary).toMatch(/^inbound cXML OrderRequest from edi-buyer-x12-4010: no control numbers; rejected \(unknown SKU NO-SUCH-SKU\);/);
  });

  it('places documents by time among the log entries, keeping the entries in their order', () => {
    const entries = [logged(1, '2026-11-25T10:00:01.000Z'), logged(2, '2026-11-25T10:00:05.000Z'), logged(3, '2026-11-25T10:00:03.000Z')];
    const doc = (id: string, at: string) => documentEntry(stored({ id, createdAt: new Date(at) }));
    const rows = byTime(entries, [
      doc('late', '2026-11-25T10:00:09.000Z'),
      doc('first', '2026-11-25T10:00:00.000Z'),
      doc('same-instant', '2026-11-25T10:00:01.000Z'),
      doc('between', '2026-11-25T10:00:04.000Z'),
    ]);
    expect(rows.map((r) => (r.kind === 'document' ? r.document.id : r.seq))).toEqual(['first', 1, 'same-instant', 'between', 2, 3, 'late']);
    expect(byTime(entries, [])).toEqual(entries);
  });

  it('fills the CSV columns the log entries use, with no seq, step or anchors', () => {
    const entry = documentEntry(stored({ reason: 'said "no", then left' }));
    const [, row] = timelineCsv([entry]).split('\r\n');
    expect(row).toBe(`,2026-11-25T10:00:00.000Z,,document,X12 850,buyer,edi-buyer-x12-4010,,distributor,tradelane,${entry.digest},"${entry.summary.replace(/"/g, '""')}",`);
  });
});
