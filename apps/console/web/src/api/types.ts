// The shapes the services answer with where their documents say only "object": the order view
// and the messages come from the contracts (type-only imports, erased in the bundle).
export type {
  Address,
  Booking,
  CompensationRecord,
  ConfirmedLine,
  DispatchNotice,
  InquiryLine,
  Money,
  OrderConfirmation,
  OrderStatus,
  OrderView,
  PurchaseOrderLine,
  Reminder,
  ShippingInquiry,
  ShippingQuote,
  StockAnswer,
  StuckCompensation,
  TransportNotice,
  WaitingFor,
} from './contracts';
import type { Address, OrderView, PurchaseOrderLine } from './contracts';

export type OrganisationRole = 'buyer' | 'supplier' | 'carrier' | 'payment-gateway' | 'auditor' | 'operator';

export interface Session {
  person: { id: string; email: string; name: string; role: 'admin' | 'member' };
  organisation: { id: string; name: string; role: OrganisationRole };
  csrfToken: string;
  expiresAt: string;
}

/** A row of the distributor's order list (without the order's lines). */
export interface OrderSummary {
  orderId: string;
  buyerId: string;
  idempotencyKey?: string | null;
  status: string;
  submittedAt: string;
  updatedAt: string;
}

export interface OrderPage {
  items: OrderSummary[];
  nextCursor: string | null;
}

/** The distributor's order view, with what was ordered. */
export interface OrderDetail extends OrderView {
  lines?: PurchaseOrderLine[];
  shipTo?: Address;
  wantedBy?: string;
  currency?: string;
}

export interface SubmittedOrder {
  orderId: string;
  workflowId: string;
  status: string;
  replayed: boolean;
}

export interface BuyerReminder {
  orderId: string;
  waitingFor: string;
  deadline: string;
  receivedAt: string;
}

export interface Person {
  id: string;
  organisationId?: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  createdAt?: string;
  lockedUntil?: string | null;
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
  /** the anchors outside the log's table that vouch for the entry: `history`, `checkpoint:<sequence>` */
  coveredBy: string[];
}

/** An EDI document in or out, placed by time among the log's entries; not in the hash chain, so never anchored. */
export interface TimelineDocument {
  seq: null;
  at: string;
  step: null;
  kind: 'document';
  /** `X12 850`, `cXML OrderRequest`, `EDIFACT ORDRSP` */
  name: string;
  actor: { role: string; id: string; person?: undefined };
  to: { role: string; id: string };
  /** sha256 hex of the raw document as stored (GET /edi/documents/{id}) */
  digest: string;
  summary: string;
  coveredBy: [];
  document: {
    id: string;
    direction: 'inbound' | 'outbound';
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

export type TimelineRow = TimelineEntry | TimelineDocument;

export interface VerificationAnchors {
  history: { status: 'checked' | 'unavailable' | 'disagrees'; reason?: string; heads: number; lastAnchoredSeq: number | null; unanchoredWrites?: number };
  checkpoints: { status: 'checked' | 'none' | 'unavailable' | 'disagrees' | 'broken'; reason?: string; latest: { id: number; seq: number } | null };
}

export type Verification =
  | { orderId: string; intact: true; entries: number; anchors: VerificationAnchors }
  | {
      orderId: string;
      intact: false;
      entries: number;
      firstBroken: { seq: number; reason: string; anchor: 'chain' | 'history' | 'checkpoint' };
      anchors: VerificationAnchors;
    };

export interface ReplayVerdict {
  orderId: string;
  workflowId: string;
  runId: string;
  verdict: 'replayed' | 'diverged';
  error?: { type: string; message: string; eventId?: number };
}

export interface ReplayWindow {
  closedAfter: string;
  closedBefore: string;
  limit: number;
  truncated: boolean;
  replayed: number;
  diverged: number;
  verdicts: ReplayVerdict[];
}

export interface StockLevel {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}
