import type { AcknowledgmentContent, AcknowledgmentError, InboundContent, InboundDocument, InterchangeInfo, ParseResult, Rejection, TransactionAcknowledgment } from '../documents';
import { DocumentError } from '../errors';
import type { OurIdentity, ParseOptions, X12Partner } from '../partner';
import { readX12Transaction } from './documents';
import { readInterchange, type X12Group, type X12Interchange } from './envelope';
import { X12Reader } from './reader';
import { X12EnvelopeError, type X12Segment } from './tokenizer';

/** What partners send us, by GS01: buyers' orders, suppliers' answers, carriers' responses, and acknowledgments of ours. */
const INBOUND_SETS: Record<string, string[]> = { PO: ['850'], PR: ['855'], GF: ['990'], FA: ['997', '999'] };
const ISA12: Record<X12Partner['version'], string> = { '004010': '00401', '005010': '00501' };

interface Failure {
  transaction: TransactionAcknowledgment;
  message: string;
  field?: string;
}

export function parseX12Inbound(raw: string, partner: X12Partner, ours: OurIdentity, options: ParseOptions): ParseResult {
  let interchange: X12Interchange;
  try {
    interchange = readInterchange(raw);
  } catch (error) {
    if (error instanceof X12EnvelopeError) return reject(envelopeRejection(raw, error, 400));
    throw error;
  }
  const info = interchangeInfo(interchange);
  const refuse = (message: string, code: string, field: string, status: Rejection['status']) =>
    reject({ ...envelopeRejection(raw, new X12EnvelopeError(message, code, field), status), interchange: info });
  if (interchange.version !== ISA12[partner.version]) {
    return refuse(`ISA12 ${interchange.version} is not the version agreed with this partner (${ISA12[partner.version]})`, '017', 'ISA12', 400);
  }
  if (interchange.senderQualifier !== partner.identity.qualifier || interchange.senderId !== partner.identity.id) {
    return refuse(`the sender ${interchange.senderQualifier}/${interchange.senderId} (ISA05/ISA06) is not this partner's identity`, '006', 'ISA06', 403);
  }
  if (interchange.receiverQualifier !== ours.x12.qualifier || interchange.receiverId !== ours.x12.id) {
    return refuse(`the receiver ${interchange.receiverQualifier}/${interchange.receiverId} (ISA07/ISA08) is not us`, '008', 'ISA08', 403);
  }
  if (interchange.groups.length === 0) {
    // A TA1 alone: the partner's interchange acknowledgment of one of ours; it is not acknowledged.
    if (interchange.ta1.length > 0) return { ok: true, interchange: info, documents: interchange.ta1.map((t) => ({ controlNumber: t.elements[1] ?? '', documentType: 'TA1', content: ta1Content(t, interchange) })), acknowledgments: [] };
    return refuse('the interchange holds no functional group', '024', 'GS', 400);
  }
  for (const group of interchange.groups) {
    if (group.senderId !== partner.identity.groupId) return refuse(`GS02 ${group.senderId} is not this partner's application sender`, '024', 'GS02', 403);
    if (group.receiverId !== ours.x12.groupId) return refuse(`GS03 ${group.receiverId} is not our application receiver`, '024', 'GS03', 403);
  }

  const documents: InboundDocument[] = [];
  const acknowledgments: AcknowledgmentContent[] = [];
  let failure: Failure | { group: X12Group; message: string; field: string } | undefined;
  for (const group of interchange.groups) {
    const transactions: TransactionAcknowledgment[] = [];
    let groupErrorCode = group.fault?.code;
    if (!groupErrorCode && !INBOUND_SETS[group.functionalId]) groupErrorCode = '1';
    if (!groupErrorCode && !group.version.startsWith(partner.version)) groupErrorCode = '2';
    if (groupErrorCode && !failure) {
      failure = { group, field: group.fault?.field ?? (groupErrorCode === '1' ? 'GS01' : 'GS08'), message: group.fault?.message ?? `group ${group.controlNumber}: ${groupErrorCode === '1' ? `GS01 ${group.functionalId} is not a group we take` : `GS08 ${group.version} is not ${partner.version}`}` };
    }
    for (const t of group.transactions) {
      const acknowledgment: TransactionAcknowledgment = { setId: t.setId, controlNumber: t.controlNumber, accepted: true, errors: [] };
      transactions.push(acknowledgment);
      if (groupErrorCode) continue;
      const fail = (message: string, error: AcknowledgmentError, field?: string) => {
        acknowledgment.accepted = false;
        acknowledgment.errors.push(error);
        failure ??= { transaction: acknowledgment, message: `transaction set ${t.setId} ${t.controlNumber}: ${message}`, field };
      };
      if (t.fault) {
        fail(t.fault.message, { code: t.fault.code }, t.fault.field);
        continue;
      }
      if (!INBOUND_SETS[group.functionalId].includes(t.setId)) {
        fail(`transaction set ${t.setId} is not one we take in a ${group.functionalId} group`, { code: '1' }, 'ST01');
        continue;
      }
      try {
        const locations = {};
        const content = readX12Transaction(t.setId, new X12Reader(t.segments, interchange.separators), {
          interchangeControlNumber: interchange.controlNumber,
          groupDate: isoDate(group),
          buyerId: options.buyerId ?? '',
          defaultCurrency: partner.defaultCurrency,
          locations,
        }, { senderId: interchange.receiverId, receiverId: interchange.senderId, version: group.version.slice(0, 6) });
        documents.push({ controlNumber: t.controlNumber, documentType: t.setId, content: content as InboundContent, ...(content.type === 'purchase-order' ? { locations } : {}) });
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        const { field, value: _value, ...at } = error.at;
        fail(`${where(error)}${error.message}`, { ...at, code: error.code, ...(error.at.value !== undefined ? { value: error.at.value.slice(0, 99) } : {}) }, field);
      }
    }
    if (group.functionalId === 'FA' && !groupErrorCode && transactions.every((t) => t.accepted)) continue;
    acknowledgments.push({
      type: 'acknowledgment',
      standard: 'x12',
      interchangeControlNumber: interchange.controlNumber,
      senderId: interchange.senderId,
      receiverId: interchange.receiverId,
      accepted: !groupErrorCode && transactions.every((t) => t.accepted),
      group: { controlNumber: group.controlNumber, functionalId: group.functionalId, version: group.version },
      transactions,
      counts: { included: group.transactions.length, received: group.transactions.length, accepted: groupErrorCode ? 0 : transactions.filter((t) => t.accepted).length },
      ...(groupErrorCode ? { groupErrorCode } : {}),
      preparedAt: info.preparedAt,
    });
  }
  if (failure) {
    // Taken whole or not at all: nothing of a faulty interchange starts, so no transaction is reported accepted.
    const acknowledgment = acknowledgments.find((a) => !a.accepted)!;
    for (const t of acknowledgment.transactions) t.accepted = false;
    acknowledgment.counts = { ...acknowledgment.counts!, accepted: 0 };
    return reject({ reason: failure.message, ...(failure.field ? { field: failure.field } : {}), status: 400, acknowledgment, interchange: info });
  }
  const ta1: AcknowledgmentContent | undefined = interchange.acknowledgmentRequested
    ? { type: 'acknowledgment', standard: 'x12', interchangeControlNumber: interchange.controlNumber, senderId: interchange.senderId, receiverId: interchange.receiverId, accepted: true, interchangeError: { code: '000' }, transactions: [], preparedAt: info.preparedAt }
    : undefined;
  return { ok: true, interchange: info, documents, ...(acknowledgments[0] ? { acknowledgment: acknowledgments[0] } : {}), acknowledgments, ...(ta1 ? { interchangeAcknowledgment: ta1 } : {}) };
}

/** TA1 (ISA13 acknowledged, its date and time, A/E/R, the note code) as acknowledgment content. */
export function ta1Content(ta1: X12Segment, interchange: X12Interchange): AcknowledgmentContent {
  const e = ta1.elements;
  const [date, time] = [e[2] ?? '', e[3] ?? ''];
  return {
    type: 'acknowledgment',
    standard: 'x12',
    interchangeControlNumber: e[1] ?? '',
    senderId: interchange.receiverId,
    receiverId: interchange.senderId,
    accepted: e[4] === 'A' || e[4] === 'E',
    interchangeError: { code: e[5] ?? '' },
    transactions: [],
    ...(/^\d{6}$/.test(date) && /^\d{4}$/.test(time) ? { preparedAt: preparedAt(date, time) } : {}),
  };
}

function where(error: DocumentError): string {
  const { segmentId, segmentPosition, elementPosition } = error.at;
  if (!segmentId || error.message.startsWith(segmentId)) return segmentPosition ? `segment ${segmentPosition}: ` : '';
  return `segment ${segmentPosition} (${segmentId}${elementPosition ? `, element ${elementPosition}` : ''}): `;
}

function reject(rejection: Rejection): ParseResult {
  return { ok: false, rejection };
}

/** A TA1 naming what was wrong, when enough of the ISA could be read to address one. */
function envelopeRejection(raw: string, error: X12EnvelopeError, status: Rejection['status']): Rejection {
  const text = raw.replace(/^\uFEFF/, '').trimStart();
  const isa = text.startsWith('ISA') ? text.slice(4, 105).split(text[3]) : [];
  const controlNumber = isa[12]?.trim() ?? '';
  const readable = /^\d{9}$/.test(controlNumber);
  return {
    reason: error.message,
    field: error.field,
    status,
    ...(readable
      ? {
          acknowledgment: {
            type: 'acknowledgment',
            standard: 'x12',
            interchangeControlNumber: controlNumber,
            senderId: isa[5]?.trim() ?? '',
            receiverId: isa[7]?.trim() ?? '',
            accepted: false,
            interchangeError: { code: error.code },
            transactions: [],
            ...(/^\d{6}$/.test(isa[8] ?? '') && /^\d{4}$/.test(isa[9] ?? '') ? { preparedAt: preparedAt(isa[8], isa[9]) } : {}),
          },
        }
      : {}),
  };
}

export function interchangeInfo(interchange: X12Interchange): InterchangeInfo {
  return {
    standard: 'x12',
    controlNumber: interchange.controlNumber,
    senderId: interchange.senderId,
    receiverId: interchange.receiverId,
    preparedAt: preparedAt(interchange.date, interchange.time),
    test: interchange.test,
    groupControlNumbers: interchange.groups.map((g) => g.controlNumber),
    transactionControlNumbers: interchange.groups.flatMap((g) => g.transactions.map((t) => t.controlNumber)),
  };
}

const preparedAt = (yymmdd: string, hhmm: string) => `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}T${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}:00Z`;

export function isoDate(group: X12Group): string {
  const d = group.date;
  return /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : '';
}
