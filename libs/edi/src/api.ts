import type { BuiltDocument, DocumentContent, OutboundContent, OutboundDocument, ParsedDocument, ParseResult, Rejection } from './documents';
import { buildCxml, buildCxmlAsPartner, parseCxmlDocument, parseCxmlInbound } from './cxml';
import { cxmlResponse } from './cxml/response';
import { buildEdifact, parseEdifactDocument, parseEdifactInbound } from './edifact';
import { outboundContent } from './mappings/outbound';
import { DEFAULT_MAX_BYTES, type BuildOptions, type ControlNumbers, type OurIdentity, type ParseOptions, type PartnerSyntax, type Standard } from './partner';
import { parseX12Inbound } from './x12/inbound';
import { buildX12, parseX12Document } from './x12/outbound';

/** ISA → X12, UNA/UNB → EDIFACT, XML with a `<cXML` element near its start → cXML. */
export function detectStandard(raw: string): Standard | undefined {
  const text = raw.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('ISA')) return 'x12';
  if (text.startsWith('UNA') || text.startsWith('UNB')) return 'edifact';
  // Any XML whose root is cXML, DTD or not: what it may declare is the parser's to refuse.
  if (text.startsWith('<') && /<cXML[\s>]/.test(text.slice(0, 8192))) return 'cxml';
  return undefined;
}

/** Reads an inbound interchange from `partner`, checks its envelope and maps its documents. */
export function parseInbound(raw: string, partner: PartnerSyntax, ours: OurIdentity, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (raw.length > maxBytes) {
    const reason = `the document is ${raw.length} characters, more than the ${maxBytes} taken`;
    return { ok: false, rejection: { reason, status: 413, ...(partner.standard === 'cxml' ? { cxmlResponse: cxmlAnswer(413, reason) } : {}) } };
  }
  const standard = detectStandard(raw);
  if (standard !== partner.standard) {
    const reason = standard ? `the document is ${standard}, this partner speaks ${partner.standard}` : `the document is not ${partner.standard}`;
    return { ok: false, rejection: { reason, status: 400, ...(partner.standard === 'cxml' ? { cxmlResponse: cxmlAnswer(400, reason) } : {}) } };
  }
  switch (partner.standard) {
    case 'x12':
      return parseX12Inbound(raw, partner, ours, options);
    case 'edifact':
      return parseEdifactInbound(raw, partner, ours, options);
    case 'cxml':
      return parseCxmlInbound(raw, partner, ours, options);
  }
}

/** Writes one outbound document to `partner` in its standard, in its own interchange. */
export function buildOutbound(doc: OutboundDocument, partner: PartnerSyntax, ours: OurIdentity, control: ControlNumbers, options: BuildOptions = {}): BuiltDocument {
  return buildContent(outboundContent(doc, options.now), partner, ours, control, options);
}

/**
 * Writes any content this library knows, outbound or inbound; the inbound kinds (a buyer's 850,
 * a supplier's 855, a carrier's 990) are what tests and demos send as the partner would.
 */
export function buildContent(content: DocumentContent, partner: PartnerSyntax, ours: OurIdentity, control: ControlNumbers, options: BuildOptions = {}): BuiltDocument {
  const now = options.now ?? new Date();
  switch (partner.standard) {
    case 'x12':
      return buildX12(content, partner, ours, control, now);
    case 'edifact':
      return buildEdifact(content, partner, ours, control, now);
    case 'cxml':
      return buildCxml(content, partner, ours, control, { ...options, now });
  }
}

/**
 * Writes content as `partner` would send it to us (sender and receiver swapped, cXML From/Sender
 * the partner's with its shared secret): what tests and demos post to the mailbox.
 */
export function buildAsPartner(content: DocumentContent, partner: PartnerSyntax, ours: OurIdentity, control: ControlNumbers, options: BuildOptions = {}): BuiltDocument {
  const now = options.now ?? new Date();
  switch (partner.standard) {
    case 'x12':
      return buildX12(content, { ...partner, identity: ours.x12 }, { ...ours, x12: partner.identity }, control, now);
    case 'edifact':
      return buildEdifact(content, { ...partner, identity: ours.edifact }, { ...ours, edifact: partner.identity }, control, now);
    case 'cxml':
      return buildCxmlAsPartner(content, partner, ours, control, { ...options, now });
  }
}

/** What an outbound document will say (the mapping alone, no syntax). */
export function documentContent(doc: OutboundDocument, now?: Date): OutboundContent {
  return outboundContent(doc, now);
}

/** The raw answer to a rejection: its 997/999/TA1/CONTRL, or its cXML Response; undefined when there is none to send. */
export function rejectionResponse(rejection: Rejection, partner: PartnerSyntax, ours: OurIdentity, control: ControlNumbers, options: BuildOptions = {}): string | undefined {
  if (rejection.cxmlResponse) return rejection.cxmlResponse;
  if (!rejection.acknowledgment || partner.standard === 'cxml') return undefined;
  return buildContent(rejection.acknowledgment, partner, ours, control, options).raw;
}

/** Reads any document this library writes or reads, without partner checks (round trips, the timeline). */
export function parseDocument(raw: string): ParsedDocument {
  switch (detectStandard(raw)) {
    case 'x12':
      return parseX12Document(raw);
    case 'edifact':
      return parseEdifactDocument(raw);
    case 'cxml':
      return parseCxmlDocument(raw);
    default:
      throw new Error('not an X12, EDIFACT or cXML document');
  }
}

function cxmlAnswer(status: 400 | 413, text: string): string {
  return cxmlResponse(status, text);
}
