import type { EdiStandard } from './entities/trading-partner.entity';

export const EDI_STANDARDS: EdiStandard[] = ['x12', 'edifact', 'cxml'];

/** What Tradelane sends a partner, when its profile asks for it. */
export const OUTBOUND_KINDS = ['acknowledgment', 'order-confirmation', 'ship-notice', 'invoice', 'stock-inquiry', 'load-tender'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

/** The versions each standard is spoken in here. */
export const VERSIONS: Record<EdiStandard, RegExp> = {
  x12: /^(004010|005010)$/,
  edifact: /^D96A$/,
  cxml: /^1\.2\.0\d\d$/,
};
