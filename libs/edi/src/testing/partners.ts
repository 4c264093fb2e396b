import type { CxmlPartner, EdifactPartner, OurIdentity, X12Partner } from '../partner';

/** Identities the library's own tests trade with. */
export const OURS: OurIdentity = {
  x12: { qualifier: 'ZZ', id: 'TRADELANE', groupId: 'TRADELANE' },
  edifact: { id: 'TRADELANE', qualifier: 'ZZZ' },
  cxml: { domain: 'NetworkId', identity: 'TRADELANE' },
  userAgent: 'Tradelane EDI',
};

export const X12_BUYER: X12Partner = {
  standard: 'x12',
  version: '004010',
  identity: { qualifier: 'ZZ', id: 'MUSTERBUYER', groupId: 'MUSTERBUYER' },
  defaultCurrency: 'USD',
};

export const X12_BUYER_5010: X12Partner = { ...X12_BUYER, version: '005010', identity: { qualifier: '01', id: '123456789', groupId: 'ACMEPROC' } };

export const EDIFACT_BUYER: EdifactPartner = { standard: 'edifact', version: 'D96A', identity: { id: '4012345000009', qualifier: '14' } };

export const CXML_BUYER: CxmlPartner = {
  standard: 'cxml',
  version: '1.2.069',
  from: { domain: 'DUNS', identity: '942888711' },
  sender: { domain: 'NetworkId', identity: 'AN01000000001' },
  sharedSecret: 'abracadabra',
};

export const X12_SUPPLIER: X12Partner = { standard: 'x12', version: '004010', identity: { qualifier: 'ZZ', id: 'RHEINFAST', groupId: 'RHEINFAST' }, defaultCurrency: 'EUR' };

export const X12_CARRIER: X12Partner = { standard: 'x12', version: '004010', identity: { qualifier: 'ZZ', id: 'RHFR', groupId: 'RHFR' } };
