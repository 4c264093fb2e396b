import { buildAsPartner, buildOutbound, parseDocument, parseInbound } from './api';
import type { AcknowledgmentContent } from './documents';
import { purchaseOrderContent } from './testing/messages';
import { EDIFACT_BUYER, OURS, X12_BUYER, X12_BUYER_5010 } from './testing/partners';

const control = { interchange: 31, group: 31, transaction: 31 };
const now = new Date('2026-12-01T10:30:00Z');

/** A group of three: one accepted, one with an element in error, one with a bad trailer. */
const x12Ack = (version?: string): AcknowledgmentContent => ({
  type: 'acknowledgment',
  standard: 'x12',
  interchangeControlNumber: '000000905',
  senderId: 'MUSTERBUYER',
  receiverId: 'TRADELANE',
  accepted: true,
  group: { controlNumber: '17', functionalId: 'PO', ...(version ? { version } : {}) },
  transactions: [
    { setId: '850', controlNumber: '0001', accepted: true, errors: [] },
    { setId: '850', controlNumber: '0002', accepted: false, errors: [{ segmentId: 'PO1', segmentPosition: 8, elementPosition: 2, code: '6', value: 'five' }, { segmentId: 'DTM', segmentPosition: 4, code: '3' }] },
    { setId: '850', controlNumber: '0003', accepted: false, errors: [{ code: '4' }] },
  ],
  counts: { included: 3, received: 3, accepted: 1 },
});

describe('acknowledgments written and read back', () => {
  it('997 (004010): AK1, AK2/AK3/AK4/AK5 per set, AK9 with the counts; AK5 codes for envelope faults, 5 for segment errors', () => {
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: x12Ack() }, X12_BUYER, OURS, control, { now }).raw;
    expect(raw).toContain('ST*997*0031~');
    expect(raw).toContain('AK2*850*0002~\nAK3*PO1*8**8~\nAK4*2**6*five~\nAK3*DTM*4**3~\nAK5*R*5~');
    expect(raw).toContain('AK2*850*0003~\nAK5*R*4~');
    expect(raw).toContain('AK9*P*3*3*1~');
    const [read] = parseDocument(raw).contents as AcknowledgmentContent[];
    expect(read).toEqual({ ...x12Ack(), interchangeControlNumber: '' });
  });

  it('999 (005010): ST03 005010X231A1, AK103 the version, IK3/IK4/IK5', () => {
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: x12Ack('005010') }, X12_BUYER_5010, OURS, control, { now }).raw;
    expect(raw).toContain('ST*999*0031*005010X231A1~');
    expect(raw).toContain('AK1*PO*17*005010~');
    expect(raw).toContain('IK3*PO1*8**8~\nIK4*2**6*five~');
    expect(raw).toContain('IK5*R*4~');
    expect(raw).toContain('AK9*P*3*3*1~');
    const [read] = parseDocument(raw).contents as AcknowledgmentContent[];
    expect(read).toMatchObject({ group: { version: '005010' }, transactions: x12Ack().transactions, counts: x12Ack().counts });
  });

  it('a 997 from the partner (acknowledging what we sent) is taken as a document and not acknowledged again', () => {
    const ack: AcknowledgmentContent = { ...x12Ack(), accepted: true, transactions: [{ setId: '855', controlNumber: '0031', accepted: true, errors: [] }], counts: { included: 1, received: 1, accepted: 1 } };
    const result = parseInbound(buildAsPartner(ack, X12_BUYER, OURS, control, { now }).raw, X12_BUYER, OURS);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.documents).toEqual([{ controlNumber: '0031', documentType: '997', content: expect.objectContaining({ type: 'acknowledgment', accepted: true, transactions: ack.transactions }) }]);
    expect(result.acknowledgment).toBeUndefined();
  });

  it("a partner's TA1 alone in its interchange is taken as the acknowledgment of ours it names", () => {
    const ta1: AcknowledgmentContent = { type: 'acknowledgment', standard: 'x12', interchangeControlNumber: '000000031', senderId: 'TRADELANE', receiverId: 'MUSTERBUYER', accepted: true, interchangeError: { code: '000' }, transactions: [], preparedAt: '2026-12-01T10:30:00Z' };
    const result = parseInbound(buildAsPartner(ta1, X12_BUYER, OURS, control, { now }).raw, X12_BUYER, OURS);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.documents).toEqual([{ controlNumber: '000000031', documentType: 'TA1', content: ta1 }]);
    expect(result.acknowledgment).toBeUndefined();
  });

  it('an interchange whose ISA14 asks for a TA1 gets one, accepted (000), beside its 997', () => {
    const lines = buildAsPartner(purchaseOrderContent('x12:000000031:PO-4711'), X12_BUYER, OURS, control, { now }).raw.split('\n');
    lines[0] = lines[0].replace('*000000031*0*P*', '*000000031*1*P*');
    const result = parseInbound(lines.join('\n'), X12_BUYER, OURS);
    if (!result.ok) throw new Error(result.rejection.reason);
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: result.interchangeAcknowledgment! }, X12_BUYER, OURS, { ...control, interchange: 32 }, { now }).raw;
    expect(raw).toContain('TA1*000000031*261201*1030*A*000~\nIEA*0*000000032~');
  });

  it('an interchange of two functional groups gets a 997 for each', () => {
    const po = (n: number) => buildAsPartner(purchaseOrderContent(`x12:000000031:PO-4711`), X12_BUYER, OURS, { ...control, group: n }, { now }).raw.split('\n').filter(Boolean);
    const [a, b] = [po(41), po(42)];
    const raw = [a[0], ...a.slice(1, -1), ...b.slice(1, -1), 'IEA*2*000000031~'].join('\n');
    const result = parseInbound(raw, X12_BUYER, OURS, { buyerId: 'muster-maschinenbau' });
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.documents).toHaveLength(2);
    expect(result.acknowledgments?.map((x) => x.group?.controlNumber)).toEqual(['41', '42']);
  });

  it('CONTRL: UCI, then per message UCM, UCS and UCD with the element:component position', () => {
    const contrl: AcknowledgmentContent = {
      type: 'acknowledgment',
      standard: 'edifact',
      interchangeControlNumber: '4711',
      senderId: '4012345000009:14',
      receiverId: 'TRADELANE:ZZZ',
      accepted: false,
      transactions: [
        { setId: 'ORDERS', controlNumber: '1', accepted: false, errors: [{ segmentPosition: 8, elementPosition: 1, componentPosition: 2, code: '12' }, { segmentPosition: 2, code: '13' }] },
        { setId: 'ORDERS', controlNumber: '2', accepted: false, errors: [{ code: '29' }] },
      ],
    };
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: contrl }, EDIFACT_BUYER, OURS, control, { now }).raw;
    expect(raw).toContain("UNH+31+CONTRL:D:3:UN'\nUCI+4711+4012345000009:14+TRADELANE:ZZZ+4'\nUCM+1+ORDERS:D:96A:UN+4'\nUCS+8'\nUCD+12+1:2'\nUCS+2+13'\nUCM+2+ORDERS:D:96A:UN+4+29'\nUNT+8+31'");
    expect(parseDocument(raw).contents).toEqual([contrl]);
  });

  it('a CONTRL "acknowledged" for an accepted interchange whose UNB asked for one', () => {
    const ack: AcknowledgmentContent = { type: 'acknowledgment', standard: 'edifact', interchangeControlNumber: '9', senderId: 'A:14', receiverId: 'B:ZZZ', accepted: true, interchangeError: { code: '23', segmentId: 'UNB', elementPosition: 2, componentPosition: 1 }, transactions: [] };
    const raw = buildOutbound({ kind: 'acknowledgment', acknowledgment: ack }, EDIFACT_BUYER, OURS, control, { now }).raw;
    expect(raw).toContain("UCI+9+A:14+B:ZZZ+7+23+UNB+2:1'");
    expect(parseDocument(raw).contents).toEqual([ack]);
  });
});
