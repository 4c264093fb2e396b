import { createHash } from 'node:crypto';
import { DISTRIBUTOR } from '@tradelane/contracts';
import type { TimelineEntry } from './timeline';

/** What the timeline needs of a stored EDI document, and the role of the partner it went to or came from. */
export interface StoredDocument {
  id: string;
  partnerId: string;
  partnerRole: string;
  direction: string;
  standard: string;
  version: string | null;
  documentType: string;
  interchangeControl: string | null;
  groupControl: string | null;
  transactionControl: string | null;
  status: string;
  reason: string | null;
  inReplyTo: string | null;
  raw: string;
  createdAt: Date;
}

export interface DocumentTimelineEntry {
  seq: null;
  at: string;
  step: null;
  kind: 'document';
  /** standard and type as partners name it: `X12 850`, `cXML OrderRequest`, `EDIFACT ORDRSP` */
  name: string;
  /** the partner for what came in, the distributor for what went out; never a person */
  actor: { role: string; id: string; person?: undefined };
  to: { role: string; id: string };
  /** sha256 hex of the raw document as stored (its UTF-8 bytes), what GET /edi/documents/:id answers */
  digest: string;
  summary: string;
  /** Documents are not in the order log's hash chain: nothing outside their table vouches for them yet. */
  coveredBy: [];
  document: {
    id: string;
    direction: string;
    standard: string;
    version: string | null;
    documentType: string;
    interchangeControl: string | null;
    groupControl: string | null;
    transactionControl: string | null;
    status: string;
    reason: string | null;
    inReplyTo: string | null;
  };
}

export type TimelineRow = TimelineEntry | DocumentTimelineEntry;

const STANDARD_NAMES: Record<string, string> = { x12: 'X12', edifact: 'EDIFACT', cxml: 'cXML' };

const controlsOf = (d: StoredDocument): string => {
  const parts = [
    d.interchangeControl && `interchange ${d.interchangeControl}`,
    d.groupControl && `group ${d.groupControl}`,
    d.transactionControl && `transaction ${d.transactionControl}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no control numbers';
};

export function documentEntry(d: StoredDocument): DocumentTimelineEntry {
  const name = `${STANDARD_NAMES[d.standard] ?? d.standard} ${d.documentType}`;
  const partner = { role: d.partnerRole, id: d.partnerId };
  const us = { role: DISTRIBUTOR.role, id: DISTRIBUTOR.id };
  const inbound = d.direction === 'inbound';
  const version = d.version ? ` ${d.version}` : '';
  return {
    seq: null,
    at: d.createdAt.toISOString(),
    step: null,
    kind: 'document',
    name,
    actor: inbound ? partner : us,
    to: inbound ? us : partner,
    digest: createHash('sha256').update(d.raw, 'utf8').digest('hex'),
    summary:
      `${d.direction} ${name}${version} ${inbound ? 'from' : 'to'} ${d.partnerId}: ${controlsOf(d)}; ` +
      `${d.status}${d.reason ? ` (${d.reason})` : ''}; document ${d.id}`,
    coveredBy: [],
    document: {
      id: d.id,
      direction: d.direction,
      standard: d.standard,
      version: d.version,
      documentType: d.documentType,
      interchangeControl: d.interchangeControl,
      groupControl: d.groupControl,
      transactionControl: d.transactionControl,
      status: d.status,
      reason: d.reason,
      inReplyTo: d.inReplyTo,
    },
  };
}

/**
 * The log entries in their own order (by seq), each document placed before the first entry written
 * after it; a document and an entry at the same instant: the entry first.
 */
export function byTime(entries: TimelineEntry[], documents: DocumentTimelineEntry[]): TimelineRow[] {
  const docs = [...documents].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const rows: TimelineRow[] = [];
  let next = 0;
  for (const entry of entries) {
    while (next < docs.length && Date.parse(docs[next].at) < Date.parse(entry.at)) rows.push(docs[next++]);
    rows.push(entry);
  }
  return [...rows, ...docs.slice(next)];
}
