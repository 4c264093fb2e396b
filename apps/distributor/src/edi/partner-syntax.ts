import type { CxmlPartner, EdifactPartner, PartnerSyntax, X12Partner } from '@tradelane/edi';
import type { TradingPartnerRecord } from './entities/trading-partner.entity';
import { openSecret } from './shared-secret';

/** A profile as the document library reads it, the cXML secret opened. */
export function partnerSyntax(partner: TradingPartnerRecord): PartnerSyntax {
  const ids = partner.identities;
  const separators = partner.separators ?? undefined;
  if (partner.standard === 'x12') {
    return {
      standard: 'x12',
      version: partner.version as X12Partner['version'],
      identity: { qualifier: ids.isaQualifier, id: ids.isaId, groupId: ids.gsId },
      ...(separators ? { separators } : {}),
      usage: 'P',
    };
  }
  if (partner.standard === 'edifact') {
    return {
      standard: 'edifact',
      version: 'D96A',
      identity: { id: ids.unbId, ...(ids.unbQualifier ? { qualifier: ids.unbQualifier } : {}) },
      ...(separators ? { separators: separators as EdifactPartner['separators'] } : {}),
    };
  }
  const credential = { domain: ids.domain, identity: ids.identity };
  return {
    standard: 'cxml',
    version: partner.version as CxmlPartner['version'],
    from: credential,
    sender: credential,
    sharedSecret: partner.cxmlSharedSecret ? openSecret(partner.cxmlSharedSecret) : '',
  };
}

/** The media type each standard's documents travel as. */
export const MEDIA_TYPE: Record<string, string> = {
  x12: 'application/edi-x12',
  edifact: 'application/edifact',
  cxml: 'text/xml',
};
