import type { AcknowledgmentContent, BuiltDocument, DocumentContent, InboundDocument, InterchangeInfo, OutboundContent, ParsedDocument, ParseResult, Rejection, TransactionAcknowledgment } from '../documents';
import { DocumentError } from '../errors';
import type { ControlNumbers, EdifactPartner, OurIdentity, ParseOptions } from '../partner';
import { readContrl, writeContrl } from './documents/contrl';
import { readDesadv, writeDesadv } from './documents/desadv';
import { readInvoic, writeInvoic } from './documents/invoic';
import { readOrders, writeOrders } from './documents/orders';
import { readOrdrsp, writeOrdrsp } from './documents/ordrsp';
import type { EdifactReadContext } from './documents/context';
import { readEdifactInterchange, type EdifactInterchange, type EdifactMessage } from './envelope';
import { writeEdifactInterchange, type EdifactBody } from './interchange-writer';
import { EdifactReader } from './reader';
import { EdifactSyntaxError, tokenizeEdifact } from './tokenizer';

const D96A = ['D', '96A', 'UN'];
/** X12-style codes some shared readers raise, as 0085 codes. */
const SYNTAX_CODE: Record<string, string> = { '1': '13', '3': '13', '5': '39', '6': '12', '7': '12', '8': '12' };
const party = (p: { id: string; qualifier?: string }) => (p.qualifier ? `${p.id}:${p.qualifier}` : p.id);

function body(content: DocumentContent): EdifactBody {
  switch (content.type) {
    case 'purchase-order':
      return { messageType: ['ORDERS', ...D96A], segments: writeOrders(content) };
    case 'order-response':
      return { messageType: ['ORDRSP', ...D96A], segments: writeOrdrsp(content) };
    case 'ship-notice':
      return { messageType: ['DESADV', ...D96A], segments: writeDesadv(content) };
    case 'invoice':
      return { messageType: ['INVOIC', ...D96A], segments: writeInvoic(content) };
    case 'acknowledgment':
      return { messageType: ['CONTRL', 'D', '3', 'UN'], segments: writeContrl(content) };
    default:
      throw new Error(`${content.type} is not written in EDIFACT (X12 only)`);
  }
}

export function buildEdifact(content: DocumentContent, partner: EdifactPartner, ours: OurIdentity, control: ControlNumbers, now: Date): BuiltDocument {
  const b = body(content);
  return {
    standard: 'edifact',
    documentType: b.messageType[0],
    raw: writeEdifactInterchange(b, partner, ours, control, now),
    controlNumbers: { interchange: String(control.interchange), transaction: String(control.transaction) },
    content: content as OutboundContent,
  };
}

function readMessage(message: EdifactMessage, interchange: EdifactInterchange, ctx: EdifactReadContext): DocumentContent {
  const reader = new EdifactReader(message.segments, interchange.separators);
  switch (message.type) {
    case 'ORDERS':
      return readOrders(reader, ctx);
    case 'ORDRSP':
      return readOrdrsp(reader);
    case 'DESADV':
      return readDesadv(reader);
    case 'INVOIC':
      return readInvoic(reader);
    case 'CONTRL':
      return readContrl(reader);
    default:
      throw new DocumentError(`message type ${message.type} is not taken`, '15', { segmentId: 'UNH', segmentPosition: 1, elementPosition: 2, field: 'UNH S009' });
  }
}

function info(interchange: EdifactInterchange): InterchangeInfo {
  const d = interchange.date;
  const t = interchange.time;
  return {
    standard: 'edifact',
    controlNumber: interchange.controlReference,
    senderId: party(interchange.sender),
    receiverId: party(interchange.recipient),
    preparedAt: `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:00Z`,
    test: interchange.test,
    groupControlNumbers: [],
    transactionControlNumbers: interchange.messages.map((m) => m.reference),
  };
}

/** What partners send us in EDIFACT: buyers' ORDERS, and CONTRL acknowledging what we sent. */
const INBOUND_TYPES = ['ORDERS', 'CONTRL'];

export function parseEdifactInbound(raw: string, partner: EdifactPartner, ours: OurIdentity, options: ParseOptions): ParseResult {
  let interchange: EdifactInterchange;
  try {
    interchange = readEdifactInterchange(raw);
  } catch (error) {
    if (error instanceof EdifactSyntaxError) return { ok: false, rejection: envelopeRejection(raw, error) };
    throw error;
  }
  const summary = info(interchange);
  const ack = (accepted: boolean, transactions: TransactionAcknowledgment[], interchangeError?: AcknowledgmentContent['interchangeError']): AcknowledgmentContent => ({
    type: 'acknowledgment',
    standard: 'edifact',
    interchangeControlNumber: interchange.controlReference,
    senderId: summary.senderId,
    receiverId: summary.receiverId,
    accepted,
    ...(interchangeError ? { interchangeError } : {}),
    transactions,
  });
  const refuse = (reason: string, code: string, field: string, status: Rejection['status']): ParseResult => ({
    ok: false,
    rejection: { reason, field, status, acknowledgment: ack(false, [], { code, segmentId: 'UNB' }), interchange: summary },
  });
  if (!/^UNO[A-Y]$/.test(interchange.syntaxIdentifier) || !/^[1-4]$/.test(interchange.syntaxVersion)) {
    return refuse(`UNB S001 ${interchange.syntaxIdentifier}:${interchange.syntaxVersion} is not a syntax taken`, '2', 'UNB S001', 400);
  }
  const { sender, recipient } = interchange;
  if (sender.id !== partner.identity.id || (partner.identity.qualifier && sender.qualifier !== partner.identity.qualifier)) {
    return refuse(`the sender ${party(sender)} (UNB S002) is not this partner's identity`, '23', 'UNB S002', 403);
  }
  if (recipient.id !== ours.edifact.id || (ours.edifact.qualifier && recipient.qualifier !== ours.edifact.qualifier)) {
    return refuse(`the recipient ${party(recipient)} (UNB S003) is not us`, '7', 'UNB S003', 403);
  }
  if (interchange.messages.length === 0) return refuse('the interchange holds no message', '32', 'UNH', 400);
  const transactions: TransactionAcknowledgment[] = [];
  const documents: InboundDocument[] = [];
  let failure: { reason: string; field?: string } | undefined;
  for (const message of interchange.messages) {
    const t: TransactionAcknowledgment = { controlNumber: message.reference, setId: message.type, accepted: true, errors: [] };
    transactions.push(t);
    const fail = (reason: string, error: TransactionAcknowledgment['errors'][number], field?: string) => {
      t.accepted = false;
      t.errors.push(error);
      failure ??= { reason: `message ${message.reference} (${message.type}): ${reason}`, field };
    };
    if (message.fault) {
      const { code, message: reason, field, segmentPosition, elementPosition } = message.fault;
      fail(reason, { code, ...(segmentPosition ? { segmentPosition, segmentId: field.slice(0, 3) } : {}), ...(elementPosition ? { elementPosition } : {}) }, field);
      continue;
    }
    if (!INBOUND_TYPES.includes(message.type)) {
      fail(`message type ${message.type} is not one we take`, { code: '15', segmentPosition: 1, segmentId: 'UNH', elementPosition: 2 }, 'UNH S009');
      continue;
    }
    if (message.type !== 'CONTRL' && [message.version, message.release, message.agency].join(':') !== 'D:96A:UN') {
      fail(`UNH S009 ${message.version}:${message.release} is not D:96A, the version agreed`, { code: '2', segmentPosition: 1, segmentId: 'UNH', elementPosition: 2 }, 'UNH S009');
      continue;
    }
    try {
      const locations = {};
      const content = readMessage(message, interchange, { interchangeControlNumber: interchange.controlReference, buyerId: options.buyerId ?? '', defaultCurrency: partner.defaultCurrency, locations });
      documents.push({ controlNumber: message.reference, documentType: message.type, content: content as InboundDocument['content'], ...(content.type === 'purchase-order' ? { locations } : {}) });
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      const { field, value: _value, ...at } = error.at;
      fail(`${at.segmentPosition ? `segment ${at.segmentPosition}${at.segmentId ? ` (${at.segmentId})` : ''}: ` : ''}${error.message}`, { ...at, code: SYNTAX_CODE[error.code] ?? error.code }, field);
    }
  }
  if (failure) {
    // Taken whole or not at all, as for X12.
    for (const t of transactions) t.accepted = false;
    return { ok: false, rejection: { reason: failure.reason, ...(failure.field ? { field: failure.field } : {}), status: 400, acknowledgment: ack(false, transactions), interchange: summary } };
  }
  const onlyContrl = interchange.messages.every((m) => m.type === 'CONTRL');
  return { ok: true, interchange: summary, documents, ...(interchange.acknowledgmentRequested && !onlyContrl ? { acknowledgment: ack(true, transactions) } : {}) };
}

/** A CONTRL rejecting the interchange, when its UNB could be read far enough to address one. */
function envelopeRejection(raw: string, error: EdifactSyntaxError): Rejection {
  let unb: string[][] | undefined;
  try {
    const first = tokenizeEdifact(raw).segments[0];
    if (first?.tag === 'UNB') unb = first.elements;
  } catch {
    unb = undefined;
  }
  const reference = unb?.[5]?.[0];
  return {
    reason: error.message,
    field: error.field,
    status: 400,
    ...(reference
      ? {
          acknowledgment: {
            type: 'acknowledgment',
            standard: 'edifact',
            interchangeControlNumber: reference,
            senderId: (unb![2] ?? []).filter(Boolean).join(':'),
            receiverId: (unb![3] ?? []).filter(Boolean).join(':'),
            accepted: false,
            interchangeError: { code: error.code, ...(error.field.length === 3 ? { segmentId: error.field } : { segmentId: error.field.slice(0, 3) }) },
            transactions: [],
          },
        }
      : {}),
  };
}

export function parseEdifactDocument(raw: string): ParsedDocument {
  const interchange = readEdifactInterchange(raw);
  const contents = interchange.messages.map((m) => {
    if (m.fault) throw new Error(m.fault.message);
    return readMessage(m, interchange, { interchangeControlNumber: interchange.controlReference, buyerId: '' });
  });
  return { standard: 'edifact', documentType: interchange.messages[0]?.type ?? '', interchange: info(interchange), contents };
}
