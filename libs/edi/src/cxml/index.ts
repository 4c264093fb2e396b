import type { BuiltDocument, DocumentContent, ParsedDocument, ParseResult } from '../documents';
import type { BuildOptions, ControlNumbers, OurIdentity, ParseOptions, CxmlPartner } from '../partner';

export function parseCxmlInbound(_raw: string, _partner: CxmlPartner, _ours: OurIdentity, _options: ParseOptions): ParseResult {
  throw new Error('not yet');
}

export function buildCxml(_content: DocumentContent, _partner: CxmlPartner, _ours: OurIdentity, _control: ControlNumbers, _now: Date | BuildOptions): BuiltDocument {
  throw new Error('not yet');
}

export function parseCxmlDocument(_raw: string): ParsedDocument {
  throw new Error('not yet');
}
