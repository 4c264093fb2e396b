import type { BuiltDocument, DocumentContent, OutboundContent, ParsedDocument } from '../documents';
import type { ControlNumbers, OurIdentity, X12Partner } from '../partner';
import { x12Body } from './documents';
import { readX12Transaction } from './documents';
import { readInterchange } from './envelope';
import { interchangeInfo, isoDate, ta1Content } from './inbound';
import { writeInterchange, writeTa1Interchange } from './interchange-writer';
import { X12Reader, x12Date } from './reader';

export function buildX12(content: DocumentContent, partner: X12Partner, ours: OurIdentity, control: ControlNumbers, now: Date): BuiltDocument {
  const interchange = String(control.interchange).padStart(9, '0');
  if (content.type === 'acknowledgment' && (content.interchangeError || !content.group)) {
    const prepared = content.preparedAt ?? now.toISOString();
    const ta1 = ['TA1', content.interchangeControlNumber, x12Date(prepared).slice(2), prepared.slice(11, 16).replace(':', ''), content.accepted ? 'A' : 'R', content.interchangeError?.code ?? '000'];
    return { standard: 'x12', documentType: 'TA1', raw: writeTa1Interchange(ta1, partner, ours, control, now), controlNumbers: { interchange }, content: content as OutboundContent };
  }
  const body = x12Body(content, partner.version);
  return {
    standard: 'x12',
    documentType: body.setId,
    raw: writeInterchange(body, partner, ours, control, now),
    controlNumbers: { interchange, group: String(control.group), transaction: String(control.transaction).padStart(4, '0') },
    content: content as OutboundContent,
  };
}

/** Every transaction set of an interchange, read without partner checks. */
export function parseX12Document(raw: string): ParsedDocument {
  const interchange = readInterchange(raw);
  const contents: DocumentContent[] = [];
  let documentType = interchange.ta1.length ? 'TA1' : '';
  for (const ta1 of interchange.ta1) contents.push(ta1Content(ta1, interchange));
  for (const group of interchange.groups) {
    for (const t of group.transactions) {
      if (t.fault) throw new Error(t.fault.message);
      documentType ||= t.setId;
      const reader = new X12Reader(t.segments, interchange.separators);
      contents.push(
        readX12Transaction(t.setId, reader, { interchangeControlNumber: interchange.controlNumber, groupDate: isoDate(group), buyerId: '' }, {
          senderId: interchange.receiverId,
          receiverId: interchange.senderId,
          version: group.version.slice(0, 6),
        }),
      );
    }
  }
  return { standard: 'x12', documentType, interchange: interchangeInfo(interchange), contents };
}
