/** Who a trading partner is in each standard, and how it writes its documents. */

export type Standard = 'x12' | 'edifact' | 'cxml';
export type X12Version = '004010' | '005010';
export type EdifactVersion = 'D96A';
/** cXML 1.2.x: the DTD version the partner declares, e.g. `1.2.069`. */
export type CxmlVersion = `1.2.${string}`;

export interface X12Separators {
  element: string;
  component: string;
  /** ISA11 in 005010; 004010 has none (ISA11 is the standards identifier `U`). */
  repetition?: string;
  segment: string;
}

/** The UNA service string advice. */
export interface EdifactSeparators {
  component: string;
  element: string;
  decimal: string;
  release: string;
  segment: string;
}

export interface X12Identity {
  /** ISA05/ISA07, e.g. `ZZ` (mutually defined), `01` (DUNS), `12` (phone). */
  qualifier: string;
  /** ISA06/ISA08 (at most 15 characters, padded on the wire). */
  id: string;
  /** GS02/GS03. */
  groupId: string;
}

export interface EdifactIdentity {
  /** UNB S002/S003 element 1. */
  id: string;
  /** UNB S002/S003 element 2, e.g. `14` (EAN), `ZZZ` (mutually defined). */
  qualifier?: string;
}

export interface CxmlCredential {
  domain: string;
  identity: string;
}

interface PartnerBase {
  /** Documents that name no currency are taken in this one (X12 without CUR). */
  defaultCurrency?: string;
}

export interface X12Partner extends PartnerBase {
  standard: 'x12';
  version: X12Version;
  identity: X12Identity;
  /** Separators we write with; inbound documents are read with the ones their ISA declares. */
  separators?: Partial<X12Separators>;
  /** ISA15: `P` production, `T` test. */
  usage?: 'P' | 'T';
}

export interface EdifactPartner extends PartnerBase {
  standard: 'edifact';
  version: EdifactVersion;
  identity: EdifactIdentity;
  separators?: Partial<EdifactSeparators>;
  /** UNB S001 syntax identifier; `UNOC` (Latin-1) unless told. */
  syntaxIdentifier?: 'UNOA' | 'UNOB' | 'UNOC' | 'UNOD' | 'UNOY';
}

export interface CxmlPartner extends PartnerBase {
  standard: 'cxml';
  version: CxmlVersion;
  /** Header From: the partner's organisation. */
  from: CxmlCredential;
  /** Header Sender: who transmits for it (often the network), with the shared secret. */
  sender: CxmlCredential;
  sharedSecret: string;
}

export type PartnerSyntax = X12Partner | EdifactPartner | CxmlPartner;

/** Tradelane's own identities, one per standard. */
export interface OurIdentity {
  x12: X12Identity;
  edifact: EdifactIdentity;
  cxml: CxmlCredential;
  /** cXML Sender/UserAgent. */
  userAgent?: string;
}

/** Control numbers for one outbound interchange; the caller takes them from a sequence and never reuses one. */
export interface ControlNumbers {
  interchange: number;
  group: number;
  transaction: number;
}

export interface ParseOptions {
  /** The organisation the partner's profile belongs to: the purchase order's buyerId. */
  buyerId?: string;
  /** Documents longer than this (in UTF-16 code units, as received) are refused before parsing. */
  maxBytes?: number;
  /** When the document was received; acknowledgments are dated with it (default: now). */
  receivedAt?: Date;
}

/** When an outbound document is dated, and the cXML payloadID's unique part. */
export interface BuildOptions {
  now?: Date;
  /** cXML payloadID; default `<now ms>.<interchange>@<our identity>`. */
  payloadId?: string;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
