import type { BuiltDocument, DocumentContent, ParsedDocument, ParseResult } from '../documents';
import type { BuildOptions, ControlNumbers, OurIdentity, ParseOptions, EdifactPartner } from '../partner';

export function parseEdifactInbound(_raw: string, _partner: EdifactPartner, _ours: OurIdentity, _options: ParseOptions): ParseResult {
  throw new Error('not yet');
}

export function buildEdifact(_content: DocumentContent, _partner: EdifactPartner, _ours: OurIdentity, _control: ControlNumbers, _now: Date | BuildOptions): BuiltDocument {
  throw new Error('not yet');
}

export function parseEdifactDocument(_raw: string): ParsedDocument {
  throw new Error('not yet');
}
