import type { BuiltDocument, DocumentContent, InterchangeInfo, OutboundContent, ParsedDocument } from '../documents';
import { DocumentError } from '../errors';
import type { ControlNumbers, EdifactPartner, OurIdentity } from '../partner';
import { readContrl, writeContrl } from './documents/contrl';
import { readDesadv, writeDesadv } from './documents/desadv';
import { readInvoic, writeInvoic } from './documents/invoic';
import { readOrders, writeOrders } from './documents/orders';
import { readOrdrsp, writeOrdrsp } from './documents/ordrsp';
import type { EdifactReadContext } from './documents/context';
import { readEdifactInterchange, type EdifactInterchange, type EdifactMessage } from './envelope';
import { writeEdifactInterchange, type EdifactBody } from './interchange-writer';
import { EdifactReader } from './reader';

const D96A = ['D', '96A', 'UN'];
export const party = (p: { id: string; qualifier?: string }) => (p.qualifier ? `${p.id}:${p.qualifier}` : p.id);

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

export function readMessage(message: EdifactMessage, interchange: EdifactInterchange, ctx: EdifactReadContext): DocumentContent {
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

export function info(interchange: EdifactInterchange): InterchangeInfo {
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

export function parseEdifactDocument(raw: string): ParsedDocument {
  const interchange = readEdifactInterchange(raw);
  const contents = interchange.messages.map((m) => {
    if (m.fault) throw new Error(m.fault.message);
    return readMessage(m, interchange, { interchangeControlNumber: interchange.controlReference, buyerId: '' });
  });
  return { standard: 'edifact', documentType: interchange.messages[0]?.type ?? '', interchange: info(interchange), contents };
}
