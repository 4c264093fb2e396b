import type { AcknowledgmentContent, AcknowledgmentError, TransactionAcknowledgment } from '../../documents';
import { code, integer, optional, required, type X12Reader } from '../reader';
import type { X12Segment } from '../tokenizer';
import type { Segments } from './context';

/** AK304/IK304 8: the segment has data element errors (AK4/IK4 follow). */
const SEGMENT_HAS_ELEMENT_ERRORS = '8';
/** AK502/IK502 5: one or more segments in error. */
const SEGMENTS_IN_ERROR = '5';

/**
 * 997 Functional Acknowledgment (004010) and 999 Implementation Acknowledgment (005010): AK1 (the
 * group), per transaction AK2, AK3/IK3 (segment in error: id, position, code), AK4/IK4 (element
 * position, code, bad value), AK5/IK5 (accepted or rejected, with a code), AK9 (the group's counts).
 */
export function writeFunctionalAcknowledgment(content: AcknowledgmentContent, version: '004010' | '005010'): Segments {
  const i = version === '005010' ? 'IK' : 'AK';
  const group = content.group!;
  const segments: Segments = [['AK1', group.functionalId, group.controlNumber, ...(version === '005010' && group.version ? [group.version] : [])]];
  for (const t of content.transactions) {
    segments.push(['AK2', t.setId, t.controlNumber]);
    const envelopeCodes: string[] = [];
    for (const error of t.errors) {
      if (!error.segmentId) {
        envelopeCodes.push(error.code);
        continue;
      }
      const element = error.elementPosition !== undefined;
      segments.push([`${i}3`, error.segmentId, String(error.segmentPosition ?? 0), '', element ? SEGMENT_HAS_ELEMENT_ERRORS : error.code]);
      if (element) {
        const position = error.componentPosition ? [String(error.elementPosition), String(error.componentPosition)] : String(error.elementPosition);
        segments.push([`${i}4`, position, '', error.code, error.value ?? '']);
      }
    }
    const codes = envelopeCodes.length ? envelopeCodes : t.errors.length ? [SEGMENTS_IN_ERROR] : [];
    segments.push([`${i}5`, t.accepted ? (t.errors.length ? 'E' : 'A') : 'R', ...codes.slice(0, 5)]);
  }
  const accepted = content.transactions.filter((t) => t.accepted).length;
  const counts = content.counts ?? { included: content.transactions.length, received: content.transactions.length, accepted };
  const withErrors = content.transactions.some((t) => t.errors.length > 0);
  const status = !content.accepted || counts.accepted === 0 ? 'R' : counts.accepted < counts.received ? 'P' : withErrors ? 'E' : 'A';
  segments.push(['AK9', status, String(counts.included), String(counts.received), String(counts.accepted), ...(content.groupErrorCode ? [content.groupErrorCode] : [])]);
  return segments;
}

/** `acknowledged` names the interchange acknowledged: its sender is the 997's receiver. */
export function readFunctionalAcknowledgment(reader: X12Reader, acknowledged: { senderId: string; receiverId: string }, version: string): AcknowledgmentContent {
  const ak1 = reader.need('AK1');
  const group = { controlNumber: required(ak1, 2, 9), functionalId: required(ak1, 1, 2), ...(optional(ak1, 3) ? { version: optional(ak1, 3)! } : {}) };
  const transactions: TransactionAcknowledgment[] = [];
  let current: TransactionAcknowledgment | undefined;
  let segmentInError: X12Segment | undefined;
  let ak9: X12Segment | undefined;
  for (let s = reader.next(); s; s = reader.next()) {
    if (s.id === 'AK2') {
      current = { setId: required(s, 1, 3), controlNumber: required(s, 2, 9), accepted: true, errors: [] };
      transactions.push(current);
    } else if ((s.id === 'AK3' || s.id === 'IK3') && current) {
      segmentInError = s;
      if (s.elements[4] !== SEGMENT_HAS_ELEMENT_ERRORS) current.errors.push({ segmentId: required(s, 1, 3), segmentPosition: integer(s, 2), code: required(s, 4) });
    } else if ((s.id === 'AK4' || s.id === 'IK4') && current && segmentInError) {
      const [position, component] = (s.elements[1] ?? '').split(reader.separators.component);
      const error: AcknowledgmentError = {
        segmentId: segmentInError.elements[1],
        segmentPosition: Number(segmentInError.elements[2]),
        elementPosition: integer(s, 1, position),
        ...(component ? { componentPosition: integer(s, 1, component) } : {}),
        code: required(s, 3),
        ...(optional(s, 4) !== undefined ? { value: s.elements[4] } : {}),
      };
      current.errors.push(error);
    } else if ((s.id === 'AK5' || s.id === 'IK5') && current) {
      current.accepted = code(s, 1, ['A', 'E', 'M', 'R', 'W', 'X']) !== 'R' && s.elements[1] !== 'M' && s.elements[1] !== 'W' && s.elements[1] !== 'X';
      for (const c of s.elements.slice(2)) if (c && c !== SEGMENTS_IN_ERROR) current.errors.push({ code: c });
      current = undefined;
      segmentInError = undefined;
    } else if (s.id === 'AK9') ak9 = s;
  }
  const ak9Required = ak9 ?? reader.need('AK9');
  const status = code(ak9Required, 1, ['A', 'E', 'M', 'P', 'R', 'W', 'X']);
  return {
    type: 'acknowledgment',
    standard: 'x12',
    interchangeControlNumber: '',
    senderId: acknowledged.senderId,
    receiverId: acknowledged.receiverId,
    accepted: status !== 'R',
    group: version === '005010' ? group : { controlNumber: group.controlNumber, functionalId: group.functionalId },
    transactions,
    counts: { included: integer(ak9Required, 2), received: integer(ak9Required, 3), accepted: integer(ak9Required, 4) },
    ...(optional(ak9Required, 5) ? { groupErrorCode: ak9Required.elements[5] } : {}),
  };
}
