import type { AcknowledgmentContent, InboundDocument, ParseResult, Rejection, TransactionAcknowledgment } from '../documents';
import { DocumentError } from '../errors';
import type { EdifactPartner, OurIdentity, ParseOptions } from '../partner';
import { readEdifactInterchange, type EdifactInterchange } from './envelope';
import { info, party, readMessage } from './outbound';
import { EdifactSyntaxError, readServiceAdvice, tokenizeEdifact } from './tokenizer';

/** X12-style codes some shared readers raise, as 0085 codes. */
const SYNTAX_CODE: Record<string, string> = { '1': '13', '3': '13', '5': '39', '6': '12', '7': '12', '8': '12' };

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

/** The UNA and UNB alone, so that a fault later in the interchange does not hide who sent it. */
function firstSegments(input: string): string {
  const raw = input.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const { separators, rest } = readServiceAdvice(raw);
  const head = raw.slice(0, raw.length - rest.length);
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === separators.release) i++;
    else if (rest[i] === separators.segment) return head + rest.slice(0, i + 1);
  }
  return raw;
}

/** A CONTRL rejecting the interchange, when its UNB could be read far enough to address one. */
function envelopeRejection(raw: string, error: EdifactSyntaxError): Rejection {
  let unb: string[][] | undefined;
  try {
    const first = tokenizeEdifact(firstSegments(raw)).segments[0];
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
