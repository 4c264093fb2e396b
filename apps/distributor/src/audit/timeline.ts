import { payloadDigest } from '../order-messages/order-log-hash';
import type { TimelineRow } from './document-entries';

export interface LoggedEntry {
  seq: number;
  sentAt: string;
  step: number | null;
  name: string;
  sender: { role: string; id: string };
  receiver: { role: string; id: string };
  payload: unknown;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  step: number | null;
  kind: 'message' | 'event';
  name: string;
  actor: { role: string; id: string; person?: string };
  to: { role: string; id: string };
  digest: string;
  summary: string;
  /** the anchors outside the log's table that vouch for this entry: `history`, `checkpoint:<sequence>`; none yet while not anchored */
  coveredBy: string[];
}

/**
 * The payload fields that name the person who acted; `automatic` is no person. The services fill
 * them from the caller's token (a signed-in person's e-mail, or `api-key:<label>`), never from a body.
 */
const PERSON_FIELDS = ['submittedBy', 'answeredBy', 'quotedBy', 'acceptedBy', 'rejectedBy', 'paidBy', 'requestedBy', 'decidedBy', 'resolvedBy'];

type Payload = Record<string, unknown>;

function personIn(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  for (const field of PERSON_FIELDS) {
    const value = (payload as Payload)[field];
    if (typeof value === 'string' && value !== '' && value !== 'automatic') return value;
  }
  return undefined;
}

const money = (m: unknown): string => {
  const { amountMinor, currency } = (m ?? {}) as { amountMinor?: number; currency?: string };
  return typeof amountMinor === 'number' ? `${(amountMinor / 100).toFixed(2)} ${currency ?? ''}`.trim() : '?';
};

const lines = (p: Payload): unknown[] => (Array.isArray(p.lines) ? p.lines : []);
const sum = (items: unknown[], field: string): number =>
  items.reduce<number>((n, x) => n + (Number((x as Payload)[field]) || 0), 0);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const because = (p: Payload): string => (typeof p.reason === 'string' && p.reason ? ` (${p.reason})` : '');

const SUMMARIES: Record<string, (p: Payload) => string> = {
  'purchase-order': (p) => `purchase order: ${plural(lines(p).length, 'line')}, ${sum(lines(p), 'quantity')} units, wanted by ${p.wantedBy}`,
  'stock-inquiry': (p) => `stock inquiry to ${p.supplierId}: ${plural(lines(p).length, 'line')}, ${sum(lines(p), 'quantity')} asked`,
  'stock-answer': (p) => `stock answer: ${plural(lines(p).length, 'line')}, ${sum(lines(p), 'quantityCommitted')} committed`,
  'shipping-inquiry': (p) => `shipping inquiry to ${p.carrierId} from ${(p.origin as Payload | undefined)?.code}`,
  'shipping-quote': (p) => `shipping quote from ${p.carrierId}: ${money(p.price)}, delivery ${p.deliveryDate}`,
  'order-confirmation': (p) => `order confirmation: ${plural(lines(p).length, 'line')}, amount due ${money(p.amountDue)}`,
  'dispatch-notice': (p) => `dispatch notice to ${p.supplierId}: ${plural(lines(p).length, 'line')}, picked up by ${p.carrierId}`,
  'transport-notice': (p) => `transport notice to ${p.carrierId}: pickup ${p.pickupDate}, ${money(p.price)}`,
  'payment-notice': (p) => `payment notice: ${money(p.amount)}`,
  'transfer-notice': (p) => `transfer notice: ${money(p.amount)} transferred`,
  reminder: (p) => `reminder: waiting for ${p.waitingFor} until ${p.deadline}`,
  escalation: (p) => `escalation: ${p.what ?? p.question} (${p.action})`,
  'partial-fill-decision': (p) => `partial fill, ${p.policy}: ${plural(Array.isArray(p.shortLines) ? p.shortLines.length : 0, 'short line')}`,
  'quote-expired': (p) => `quote expired: ${p.inquiryId} was valid until ${p.validUntil}`,
  // The reason says why the booking was not taken, e.g. `rejected by <person>: <why>`: the log keeps a
  // carrier's rejection only here (and in the cancellation when no carrier is left).
  rebooking: (p) => `rebooking from ${p.origin}: ${p.from} → ${p.to}${because(p)}`,
  'back-order': (p) => `back-order ${p.backOrderId}: ${plural(lines(p).length, 'line')}`,
  cancellation: (p) => `cancellation: ${p.reason}`,
  compensation: (p) => `compensation ${p.kind} of ${p.subjectId}${because(p)}`,
  'compensation-stuck': (p) => `compensation ${p.kind} stuck: ${p.error}`,
  'compensation-resolved': (p) => `compensation ${p.compensationId} resolved: ${p.resolution}`,
};

export function timelineEntry(entry: LoggedEntry, coveredBy: string[] = []): TimelineEntry {
  const payload = (entry.payload && typeof entry.payload === 'object' ? entry.payload : {}) as Payload;
  const person = personIn(entry.payload);
  const summarise = SUMMARIES[entry.name];
  return {
    seq: entry.seq,
    at: entry.sentAt,
    step: entry.step,
    kind: entry.step === null ? 'event' : 'message',
    name: entry.name,
    actor: { role: entry.sender.role, id: entry.sender.id, ...(person ? { person } : {}) },
    to: { role: entry.receiver.role, id: entry.receiver.id },
    digest: payloadDigest(entry.payload),
    summary: summarise ? summarise(payload) : entry.name,
    coveredBy,
  };
}

export const TIMELINE_CSV_COLUMNS = [
  'seq', 'at', 'step', 'kind', 'name', 'actorRole', 'actorId', 'actorPerson', 'toRole', 'toId', 'digest', 'summary', 'coveredBy',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Documents fill the same columns: no seq or step, kind `document`, their id in the summary. */
export function timelineCsv(entries: TimelineRow[]): string {
  const rows = entries.map((e) =>
    [e.seq, e.at, e.step, e.kind, e.name, e.actor.role, e.actor.id, e.actor.person, e.to.role, e.to.id, e.digest, e.summary, e.coveredBy.join(' ')]
      .map(csvField)
      .join(','),
  );
  return [TIMELINE_CSV_COLUMNS.join(','), ...rows].map((r) => `${r}\r\n`).join('');
}
