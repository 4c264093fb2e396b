import type { LoadTenderResponseContent } from '../../documents';
import { code, date, optional, required, x12Date, type X12Reader } from '../reader';
import type { Segments } from './context';

/** 990 Response to a Load Tender: B1 (SCAC, our shipment id, date, A accept / D decline), K1 (the reason, when declined). */
export function writeLoadTenderResponse(content: LoadTenderResponseContent): Segments {
  return [
    ['B1', content.carrierScac, content.noticeId, x12Date(content.date), content.decision === 'accepted' ? 'A' : 'D'],
    ...chunks(content.reason ?? '', 60).map((part) => ['K1', part.slice(0, 30), part.slice(30)]),
  ];
}

export function readLoadTenderResponse(reader: X12Reader): LoadTenderResponseContent {
  const b1 = reader.need('B1');
  const carrierScac = required(b1, 1, 4);
  const noticeId = required(b1, 2, 80);
  const responseDate = date(b1, 3);
  const decision = code(b1, 4, ['A', 'D']) === 'A' ? 'accepted' : 'rejected';
  const remarks: string[] = [];
  for (let segment = reader.next(); segment; segment = reader.next()) {
    if (segment.id === 'K1') remarks.push((optional(segment, 1, 30) ?? '') + (optional(segment, 2, 30) ?? ''));
  }
  const reason = remarks.join('');
  return { type: 'load-tender-response', noticeId, carrierScac, date: responseDate, decision, ...(reason ? { reason } : {}) };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
