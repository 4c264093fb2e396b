import type { BuiltDocument, OutboundContent, OutboundDocument, ParsedDocument, ParseResult, Rejection } from './documents';
import type { BuildOptions, ControlNumbers, OurIdentity, ParseOptions, PartnerSyntax, Standard } from './partner';

/** ISA → X12, UNA/UNB → EDIFACT, `<cXML` (after an optional XML declaration) → cXML. */
export function detectStandard(raw: string): Standard | undefined {
  const text = raw.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('ISA')) return 'x12';
  if (text.startsWith('UNA') || text.startsWith('UNB')) return 'edifact';
  if (/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(!DOCTYPE\s+)?cXML\b/.test(text)) return 'cxml';
  return undefined;
}

/** Reads an inbound interchange from `partner`, checks its envelope and maps its documents. */
export function parseInbound(_raw: string, _partner: PartnerSyntax, _ours: OurIdentity, _options: ParseOptions = {}): ParseResult {
  throw new Error('not yet');
}

/** Writes one outbound document to `partner` in its standard, in its own interchange. */
export function buildOutbound(
  _doc: OutboundDocument,
  _partner: PartnerSyntax,
  _ours: OurIdentity,
  _control: ControlNumbers,
  _options: BuildOptions = {},
): BuiltDocument {
  throw new Error('not yet');
}

/** What an outbound document will say (the mapping alone, no syntax). */
export function documentContent(_doc: OutboundDocument): OutboundContent {
  throw new Error('not yet');
}

/** The raw answer to a rejection: its 997/999/TA1/CONTRL, or its cXML Response. */
export function rejectionResponse(
  _rejection: Rejection,
  _partner: PartnerSyntax,
  _ours: OurIdentity,
  _control: ControlNumbers,
  _options: BuildOptions = {},
): string | undefined {
  throw new Error('not yet');
}

/** Reads any document this library writes or reads, without partner checks (round trips, the timeline). */
export function parseDocument(_raw: string): ParsedDocument {
  throw new Error('not yet');
}
