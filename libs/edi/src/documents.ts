import type {
  Address,
  DispatchNotice,
  Location,
  OrderConfirmation,
  PartialFillPolicy,
  PurchaseOrder,
  StockAnswerLine,
  StockInquiry,
  TransportNotice,
} from '@tradelane/contracts';
import type { Standard } from './partner';

// ---- What a document says, whatever its syntax (the mappings produce and read these) ----

export interface PurchaseOrderIntakeLine {
  sku: string;
  quantity: number;
  priceCeilingMinor?: number;
}

/** Exactly what the JSON intake takes (`PurchaseOrderInput`), as plain data. */
export interface PurchaseOrderIntake {
  buyerId: string;
  lines: PurchaseOrderIntakeLine[];
  shipTo: Address;
  wantedBy: string;
  currency: string;
  partialFill?: PartialFillPolicy;
  idempotencyKey: string;
}

/** X12 850 / cXML OrderRequest / EDIFACT ORDERS from a buyer. */
export interface PurchaseOrderContent {
  type: 'purchase-order';
  /** The buyer's PO number (BEG03, OrderRequestHeader@orderID, BGM 1004). */
  purchaseOrderNumber: string;
  orderDate?: string;
  /** The buyer's own id of each line (PO101, ItemOut@lineNumber, LIN 1082), in order. */
  buyerLineIds: string[];
  order: PurchaseOrderIntake;
}

/** X12 855 from a supplier, answering our 850 stock inquiry. */
export interface StockAnswerContent {
  type: 'stock-answer';
  /** BAK03: the reference our 850 carried in BEG03. */
  reference: string;
  /** The inquiry id our 850 carried in REF*ZZ, when the supplier echoes it. */
  inquiryId?: string;
  date: string;
  currency: string;
  lines: StockAnswerLine[];
}

/** X12 990 from a carrier, answering our 204 load tender. */
export interface LoadTenderResponseContent {
  type: 'load-tender-response';
  /** B102: the shipment id our 204 carried in B204 (the transport notice id). */
  noticeId: string;
  carrierScac: string;
  date: string;
  decision: 'accepted' | 'rejected';
  reason?: string;
}

export type LineStatus = 'accepted' | 'changed' | 'rejected';

/** X12 855 / cXML ConfirmationRequest / EDIFACT ORDRSP to a buyer. */
export interface OrderResponseContent {
  type: 'order-response';
  purchaseOrderNumber: string;
  orderId: string;
  date: string;
  currency: string;
  deliveryDate: string;
  lines: Array<{
    lineId: string;
    sku: string;
    quantityOrdered: number;
    quantityConfirmed: number;
    unitPriceMinor: number;
    status: LineStatus;
  }>;
  goodsMinor: number;
  freightMinor: number;
  amountDueMinor: number;
}

/** X12 856 / cXML ShipNoticeRequest / EDIFACT DESADV to a buyer. */
export interface ShipNoticeContent {
  type: 'ship-notice';
  shipmentId: string;
  purchaseOrderNumber: string;
  orderId: string;
  shipDate: string;
  deliveryDate?: string;
  carrierId: string;
  shipFrom: string;
  shipTo: Address;
  lines: Array<{ lineId: string; sku: string; quantity: number }>;
}

/** X12 810 / cXML InvoiceDetailRequest / EDIFACT INVOIC to a buyer. */
export interface InvoiceContent {
  type: 'invoice';
  invoiceNumber: string;
  invoiceDate: string;
  purchaseOrderNumber: string;
  orderId: string;
  currency: string;
  lines: Array<{ lineId: string; sku: string; quantity: number; unitPriceMinor: number }>;
  freightMinor: number;
  totalMinor: number;
}

/** X12 850 to a supplier: our stock inquiry. */
export interface StockInquiryContent {
  type: 'stock-inquiry';
  reference: string;
  inquiryId: string;
  orderId: string;
  date: string;
  currency: string;
  lines: Array<{ lineNo: number; sku: string; quantity: number; priceCeilingMinor?: number }>;
}

/** X12 204 to a carrier: our transport notice. */
export interface LoadTenderContent {
  type: 'load-tender';
  shipmentId: string;
  orderId: string;
  carrierScac: string;
  date: string;
  pickupDate: string;
  deliveryDate: string;
  origin: Location;
  destination: Address;
  currency: string;
  chargeMinor: number;
  weightGrams?: number;
  lineCount?: number;
}

/** Where an error sits: positions count from 1 within the transaction set / message (ST / UNH is 1). */
export interface AcknowledgmentError {
  segmentPosition?: number;
  segmentId?: string;
  elementPosition?: number;
  componentPosition?: number;
  /** The standard's code: X12 AK304/AK403 (IK304/IK403), TA105; EDIFACT 0085 syntax error code. */
  code: string;
  /** The bad value (X12 AK404), when there was one. */
  value?: string;
}

export interface TransactionAcknowledgment {
  /** ST02 / UNH 0062. */
  controlNumber: string;
  /** ST01 / UNH message type, e.g. `850`, `ORDERS`. */
  setId: string;
  accepted: boolean;
  /** X12 AK501 (IK501) / EDIFACT UCM action code; derived from `accepted` when absent. */
  errors: AcknowledgmentError[];
}

/** X12 997 (004010) / 999 (005010), TA1 when the interchange itself is unreadable, EDIFACT CONTRL. */
export interface AcknowledgmentContent {
  type: 'acknowledgment';
  standard: 'x12' | 'edifact';
  /** ISA13 / UNB 0020 of the interchange acknowledged. */
  interchangeControlNumber: string;
  /** The interchange's sender and receiver, as the interchange named them. */
  senderId: string;
  receiverId: string;
  /** False: the interchange (TA1/UCI) or the whole group (AK9 R) is rejected; a group with some sets accepted is AK9 P. */
  accepted: boolean;
  /** Errors in the envelope (TA1 note code / UCI syntax error), not in any one transaction. */
  interchangeError?: AcknowledgmentError;
  /** X12: the functional group acknowledged (AK1); absent for a TA1 only. */
  group?: { controlNumber: string; functionalId: string; version?: string };
  transactions: TransactionAcknowledgment[];
  /** The group's own counts (AK9): included, received, accepted. */
  counts?: { included: number; received: number; accepted: number };
  /** X12 AK905: what is wrong with the group's envelope (4: GS06/GE02 differ, 5: GE01 wrong count …). */
  groupErrorCode?: string;
  /** When the acknowledged interchange was prepared (TA102/TA103), as ISO date-time. */
  preparedAt?: string;
}

/** What partners send: orders, answers, responses, and their acknowledgments (997/999/CONTRL) of what we sent. */
export type InboundContent = PurchaseOrderContent | StockAnswerContent | LoadTenderResponseContent | AcknowledgmentContent;
export type OutboundContent =
  | OrderResponseContent
  | ShipNoticeContent
  | InvoiceContent
  | AcknowledgmentContent
  | StockInquiryContent
  | LoadTenderContent;
export type DocumentContent = InboundContent | OutboundContent;

// ---- What the services hand in: the contracts' messages as the order log holds them ----

/**
 * `order` is the purchase-order log entry's payload, `confirmation` the order-confirmation's.
 * `buyerLineIds[lineNo - 1]` is the buyer's id of a line (from the inbound document); default the line number.
 */
export interface OrderConfirmationDocument {
  kind: 'order-confirmation';
  confirmation: OrderConfirmation;
  order: PurchaseOrder;
  purchaseOrderNumber: string;
  buyerLineIds?: string[];
}

/** Built once the carrier has accepted: `dispatch` is a dispatch-notice log entry's payload. */
export interface ShipNoticeDocument {
  kind: 'ship-notice';
  dispatch: DispatchNotice;
  order: PurchaseOrder;
  purchaseOrderNumber: string;
  /** From the accepted transport notice, when known. */
  deliveryDate?: string;
  /** The origin's location code; the dispatch's supplier when not given. */
  shipFrom?: string;
  buyerLineIds?: string[];
}

/** The amount due of the order confirmation, invoiced. */
export interface InvoiceDocument {
  kind: 'invoice';
  confirmation: OrderConfirmation;
  purchaseOrderNumber: string;
  invoiceNumber: string;
  invoiceDate: string;
  buyerLineIds?: string[];
}

export interface AcknowledgmentDocument {
  kind: 'acknowledgment';
  acknowledgment: AcknowledgmentContent;
}

/** `reference` goes in BEG03 (at most 22 characters); the inquiry id goes in REF*ZZ. Default: the inquiry id. */
export interface StockInquiryDocument {
  kind: 'stock-inquiry';
  inquiry: StockInquiry;
  reference?: string;
  date?: string;
}

/** `notice` is the transport-notice log entry's payload; its carrierId is the SCAC (B202). */
export interface LoadTenderDocument {
  kind: 'load-tender';
  notice: TransportNotice;
  shipment?: { weightGrams: number; lineCount: number };
  date?: string;
}

export type OutboundDocument =
  | OrderConfirmationDocument
  | ShipNoticeDocument
  | InvoiceDocument
  | AcknowledgmentDocument
  | StockInquiryDocument
  | LoadTenderDocument;

// ---- Results ----

export interface InterchangeInfo {
  standard: Standard;
  /** ISA13 / UNB 0020 / cXML payloadID. */
  controlNumber: string;
  senderId: string;
  receiverId: string;
  /** ISO date-time of the interchange (ISA09/10, UNB S004, cXML timestamp). */
  preparedAt?: string;
  test?: boolean;
  groupControlNumbers: string[];
  /** ST02 / UNH 0062, one per document. */
  transactionControlNumbers: string[];
}

/** Where a value was read: a segment and element (X12, EDIFACT), or an XML path (cXML). */
export interface DocumentLocation {
  segmentId?: string;
  /** From 1 = ST / UNH. */
  segmentPosition?: number;
  elementPosition?: number;
  componentPosition?: number;
  /** cXML, e.g. `ItemOut[2]/ItemID/SupplierPartID`. */
  path?: string;
}

/** One business document of an accepted interchange. */
export interface InboundDocument {
  /** ST02 / UNH 0062 / cXML payloadID. */
  controlNumber: string;
  /** `850`, `855`, `990`, `ORDERS`, `OrderRequest`. */
  documentType: string;
  content: InboundContent;
  /**
   * A purchase order's values by the intake's field names (`lines[0].sku`, `lines[0]`,
   * `wantedBy`, `currency`, `shipTo.country` …): where each was read, so that what the intake
   * refuses afterwards (an unknown SKU) is answered at its segment and element (`refusalError`).
   */
  locations?: Record<string, DocumentLocation>;
}

export interface Rejection {
  /** In plain language, for the person reading the mailbox. */
  reason: string;
  /** The segment/element (or XML path) at fault, e.g. `ISA13`, `BEG03`, `Header/Sender/Credential/SharedSecret`. */
  field?: string;
  /** The HTTP status this rejection answers with: 400 malformed, 401 credentials, 403 not this partner, 413 too large. */
  status: 400 | 401 | 403 | 413;
  /** X12 / EDIFACT: the 997/999/TA1/CONTRL to send back (build it with `buildOutbound`); absent when nothing could be read. */
  acknowledgment?: AcknowledgmentContent;
  /** cXML: the synchronous `Response` to send back. */
  cxmlResponse?: string;
  /** What could be read of the envelope. */
  interchange?: Partial<InterchangeInfo>;
}

export type ParseResult =
  | {
      ok: true;
      interchange: InterchangeInfo;
      documents: InboundDocument[];
      /** X12: the 997/999 "accepted" to send back; EDIFACT: the CONTRL when the partner asked (UNB 0031 = 1). */
      acknowledgment?: AcknowledgmentContent;
      /** X12: one 997/999 per functional group (`acknowledgment` is the first); none for groups of acknowledgments. */
      acknowledgments?: AcknowledgmentContent[];
      /** X12: the TA1 "accepted" (note code 000) its ISA14 = 1 asked for. */
      interchangeAcknowledgment?: AcknowledgmentContent;
      /** cXML: the synchronous `Response` 200 to send back. */
      cxmlResponse?: string;
    }
  | { ok: false; rejection: Rejection };

export interface BuiltDocument {
  standard: Standard;
  /** `855`, `ORDRSP`, `ConfirmationRequest`, … */
  documentType: string;
  raw: string;
  /** The control numbers written (as the text has them); cXML: the payloadID as interchange. */
  controlNumbers: { interchange: string; group?: string; transaction?: string };
  content: OutboundContent;
}

/** A document read back by `parseDocument`, with no partner checks (tests, the timeline). */
export interface ParsedDocument {
  standard: Standard;
  documentType: string;
  interchange: InterchangeInfo;
  contents: DocumentContent[];
}
