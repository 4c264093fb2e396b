import type { AcknowledgmentContent, AcknowledgmentError, TransactionAcknowledgment } from '../../documents';
import { opt, req, type EdifactReader } from '../reader';
import type { Segments } from './context';

/** 0083 action: 7 acknowledged (this level and all lower levels not explicitly rejected), 4 rejected. */
const ACKNOWLEDGED = '7';
const REJECTED = '4';

/**
 * CONTRL (syntax and service report, D:3:UN): UCI (the interchange acknowledged, its sender and
 * recipient, 0083 action, 0085 error with segment tag and element position), per message UCM (its
 * reference and type, action, error), UCS (segment position, error) and UCD (error, element:component).
 */
export function writeContrl(content: AcknowledgmentContent): Segments {
  const ie = content.interchangeError;
  const segments: Segments = [
    [
      'UCI',
      content.interchangeControlNumber,
      content.senderId.split(':'),
      content.receiverId.split(':'),
      content.accepted ? ACKNOWLEDGED : REJECTED,
      ...(ie ? [ie.code, ie.segmentId ?? '', ie.elementPosition ? [String(ie.elementPosition), ie.componentPosition ? String(ie.componentPosition) : ''] : ''] : []),
    ],
  ];
  for (const t of content.transactions) {
    const messageCodes = t.errors.filter((e) => e.segmentPosition === undefined).map((e) => e.code);
    segments.push(['UCM', t.controlNumber, [t.setId, 'D', '96A', 'UN'], t.accepted ? ACKNOWLEDGED : REJECTED, ...(messageCodes[0] ? [messageCodes[0]] : [])]);
    for (const e of t.errors.filter((e) => e.segmentPosition !== undefined)) {
      segments.push(['UCS', String(e.segmentPosition), ...(e.elementPosition ? [] : [e.code])]);
      if (e.elementPosition) segments.push(['UCD', e.code, [String(e.elementPosition), e.componentPosition ? String(e.componentPosition) : '']]);
    }
  }
  return segments;
}

export function readContrl(reader: EdifactReader): AcknowledgmentContent {
  const uci = reader.need('UCI');
  const party = (e: number) => [opt(uci, e, 0), opt(uci, e, 1)].filter(Boolean).join(':');
  const interchangeCode = opt(uci, 5);
  const transactions: TransactionAcknowledgment[] = [];
  let position: string | undefined;
  for (let s = reader.next(); s; s = reader.next()) {
    const t = transactions[transactions.length - 1];
    if (s.tag === 'UCM') {
      const code = opt(s, 4);
      transactions.push({ controlNumber: req(s, 1, 0), setId: req(s, 2, 0), accepted: req(s, 3) === ACKNOWLEDGED, errors: code ? [{ code }] : [] });
    } else if (s.tag === 'UCS' && t) {
      position = req(s, 1);
      const code = opt(s, 2);
      if (code) t.errors.push({ segmentPosition: Number(position), code });
    } else if (s.tag === 'UCD' && t && position) {
      const component = opt(s, 2, 1);
      const error: AcknowledgmentError = { segmentPosition: Number(position), elementPosition: Number(req(s, 2, 0)), ...(component ? { componentPosition: Number(component) } : {}), code: req(s, 1) };
      t.errors.push(error);
    }
  }
  const elementPosition = opt(uci, 7, 0);
  const componentPosition = opt(uci, 7, 1);
  const segmentId = opt(uci, 6);
  return {
    type: 'acknowledgment',
    standard: 'edifact',
    interchangeControlNumber: req(uci, 1),
    senderId: party(2),
    receiverId: party(3),
    accepted: req(uci, 4) === ACKNOWLEDGED,
    ...(interchangeCode
      ? { interchangeError: { code: interchangeCode, ...(segmentId ? { segmentId } : {}), ...(elementPosition ? { elementPosition: Number(elementPosition) } : {}), ...(componentPosition ? { componentPosition: Number(componentPosition) } : {}) } }
      : {}),
    transactions,
  };
}
