import { createHash, timingSafeEqual } from 'node:crypto';
import type { BuiltDocument, DocumentContent, InterchangeInfo, OutboundContent, ParsedDocument, ParseResult, Rejection } from '../documents';
import { DocumentError } from '../errors';
import type { BuildOptions, ControlNumbers, CxmlCredential, CxmlPartner, OurIdentity, ParseOptions } from '../partner';
import { readConfirmation, writeConfirmation } from './documents/confirmation';
import { readInvoice, writeInvoice } from './documents/invoice';
import { orderRequestLocations, readOrderRequest, writeOrderRequest } from './documents/order-request';
import { readShipNotice, writeShipNotice } from './documents/ship-notice';
import { readCxmlEnvelope, writeCxml, type CxmlEnvelope, type CxmlHeader } from './envelope';
import { cxmlResponse, newPayloadId } from './response';
import { parseXml, UnsafeXmlError } from './xml';

const REQUEST: Partial<Record<DocumentContent['type'], string>> = {
  'purchase-order': 'OrderRequest',
  'order-response': 'ConfirmationRequest',
  'ship-notice': 'ShipNoticeRequest',
  invoice: 'InvoiceDetailRequest',
};

/** cXML to a partner: From us, To the partner, Sender us with the partner's shared secret. */
export function buildCxml(content: DocumentContent, partner: CxmlPartner, ours: OurIdentity, control: ControlNumbers, options: BuildOptions & { now: Date }): BuiltDocument {
  return writeCxmlDocument(content, partner.version, { from: ours.cxml, to: partner.from, sender: ours.cxml, sharedSecret: partner.sharedSecret, userAgent: ours.userAgent ?? 'Tradelane' }, control, options, ours.cxml.identity);
}

/** cXML as the partner sends it: From the partner, To us, Sender the partner's with its shared secret. */
export function buildCxmlAsPartner(content: DocumentContent, partner: CxmlPartner, ours: OurIdentity, control: ControlNumbers, options: BuildOptions & { now: Date }): BuiltDocument {
  return writeCxmlDocument(content, partner.version, { from: partner.from, to: ours.cxml, sender: partner.sender, sharedSecret: partner.sharedSecret, userAgent: 'Partner' }, control, options, partner.from.identity);
}

function writeCxmlDocument(content: DocumentContent, version: string, header: CxmlHeader, control: ControlNumbers, options: BuildOptions & { now: Date }, domain: string): BuiltDocument {
  const name = REQUEST[content.type];
  if (!name) throw new Error(`${content.type} is not written in cXML (X12 only)`);
  const payloadId = options.payloadId ?? `${options.now.getTime()}.${control.interchange}@${domain}`;
  const raw = writeCxml(
    version,
    header,
    payloadId,
    options.now.toISOString(),
    (request) => {
      if (content.type === 'purchase-order') writeOrderRequest(request, content);
      else if (content.type === 'order-response') writeConfirmation(request, content);
      else if (content.type === 'ship-notice') writeShipNotice(request, content);
      else if (content.type === 'invoice') writeInvoice(request, content);
    },
  );
  return { standard: 'cxml', documentType: name, raw, controlNumbers: { interchange: payloadId }, content: content as OutboundContent };
}

function info(envelope: CxmlEnvelope): InterchangeInfo {
  return {
    standard: 'cxml',
    controlNumber: envelope.payloadId,
    senderId: envelope.from[0]?.identity ?? '',
    receiverId: envelope.to[0]?.identity ?? '',
    preparedAt: envelope.timestamp,
    test: envelope.deploymentMode === 'test',
    groupControlNumbers: [],
    transactionControlNumbers: [envelope.payloadId],
  };
}

const same = (a: CxmlCredential, b: CxmlCredential) => a.domain.toLowerCase() === b.domain.toLowerCase() && a.identity === b.identity;

function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** An OrderRequest posted by a buyer over HTTP, answered at once with a cXML Response. */
export function parseCxmlInbound(raw: string, partner: CxmlPartner, ours: OurIdentity, options: ParseOptions): ParseResult {
  const now = options.receivedAt ?? new Date();
  const refuse = (status: Rejection['status'], reason: string, field: string, envelope?: CxmlEnvelope): ParseResult => ({
    ok: false,
    rejection: { reason, field, status, cxmlResponse: cxmlResponse(status, reason, newPayloadId(now), now), ...(envelope ? { interchange: info(envelope) } : {}) },
  });
  let envelope: CxmlEnvelope;
  try {
    envelope = readCxmlEnvelope(parseXml(raw), raw);
  } catch (error) {
    if (error instanceof UnsafeXmlError || error instanceof DocumentError) return refuse(400, error.message, error instanceof UnsafeXmlError ? error.field : (error.at.field ?? 'cXML'));
    throw error;
  }
  if (envelope.version && !envelope.version.startsWith('1.2.')) return refuse(400, `cXML ${envelope.version} is not a version taken (1.2.x)`, 'DOCTYPE', envelope);
  const sender = envelope.sender.find((c) => same(c, partner.sender));
  if (!sender || !secretMatches(sender.sharedSecret, partner.sharedSecret)) {
    return refuse(401, sender ? 'the shared secret is wrong or missing' : "the Sender credential is not this partner's", 'Header/Sender/Credential/SharedSecret', envelope);
  }
  if (!envelope.from.some((c) => same(c, partner.from))) return refuse(401, "the From credential is not this partner's", 'Header/From/Credential', envelope);
  if (!envelope.to.some((c) => same(c, ours.cxml))) return refuse(403, 'the To credential is not us', 'Header/To/Credential', envelope);
  if (envelope.requestName !== 'OrderRequest') return refuse(400, `${envelope.requestName ?? 'a Request'} is not taken here (OrderRequest is)`, 'Request', envelope);
  try {
    const content = readOrderRequest(envelope.request, envelope.payloadId, options.buyerId ?? '');
    return {
      ok: true,
      interchange: info(envelope),
      documents: [{ controlNumber: envelope.payloadId, documentType: 'OrderRequest', content, locations: orderRequestLocations(content.order.lines.length) }],
      cxmlResponse: cxmlResponse(200, '', newPayloadId(now), now),
    };
  } catch (error) {
    if (error instanceof DocumentError) return refuse(400, error.message, error.at.field ?? 'OrderRequest', envelope);
    throw error;
  }
}

export function parseCxmlDocument(raw: string): ParsedDocument {
  const envelope = readCxmlEnvelope(parseXml(raw), raw);
  const read: Record<string, () => DocumentContent> = {
    OrderRequest: () => readOrderRequest(envelope.request, envelope.payloadId, ''),
    ConfirmationRequest: () => readConfirmation(envelope.request),
    ShipNoticeRequest: () => readShipNotice(envelope.request),
    InvoiceDetailRequest: () => readInvoice(envelope.request),
  };
  const name = envelope.requestName ?? (envelope.status ? 'Response' : '');
  return { standard: 'cxml', documentType: name, interchange: info(envelope), contents: read[name] ? [read[name]()] : [] };
}
