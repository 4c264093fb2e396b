import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository, type EntityManager } from 'typeorm';
import {
  cxmlResponse,
  parseInbound,
  refusalError,
  rejectionResponse,
  type AcknowledgmentContent,
  type CxmlStatus,
  type InboundContent,
  type InboundDocument,
  type ParseResult,
  type PurchaseOrderContent,
  type Rejection,
} from '@tradelane/edi';
import { AccessTokenIssuer, PROBLEM_TYPE_BASE, ProblemException, type Caller, type FieldProblem } from '@tradelane/platform';
import { PurchaseOrderPipe } from '../purchase-orders/purchase-order.pipes';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { ediConfig, type EdiConfig } from './edi.config';
import { EdiDocumentRecord } from './entities/edi-document.entity';
import { EdiOrderRecord } from './entities/edi-order.entity';
import type { TradingPartnerRecord } from './entities/trading-partner.entity';
import { insertOutbound, nextControlNumber, writeOutbound } from './outbound-writer';
import { PartnerAnswers, type PassedOn } from './partner-answers';
import { MEDIA_TYPE, partnerSyntax } from './partner-syntax';
import { sha256, TradingPartnersService } from './trading-partners.service';

/** What /edi/inbound answers: the standard's own answer (a cXML Response, a 997/999/CONTRL) or JSON. */
export interface InboundAnswer {
  status: number;
  contentType: string;
  body: string;
}

interface SubmittedDocumentOrder {
  purchaseOrderNumber: string;
  transactionControlNumber: string;
  orderId: string;
}

const problemAnswer = (status: number, type: string, title: string, detail: string, errors?: FieldProblem[]): InboundAnswer => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: PROBLEM_TYPE_BASE + type, title, status, detail, ...(errors ? { errors } : {}) }),
});

/**
 * The partner's mailbox, inbound. Every document is stored as received before anything reads
 * it; a purchase order then goes through the JSON intake's own validation, sourcing and
 * idempotency (PurchaseOrdersService), keyed by the partner, the interchange control number and
 * the PO number.
 */
@Injectable()
export class InboundService implements OnModuleInit {
  private readonly logger = new Logger('EdiInbound');
  private readonly orderPipe = new PurchaseOrderPipe();
  /** The JSON intake's own service (the distributor module's), not a second one with its own sweep. */
  private purchaseOrders!: PurchaseOrdersService;
  private partnerAnswers!: PartnerAnswers;

  constructor(
    @InjectRepository(EdiDocumentRecord) private readonly documents: Repository<EdiDocumentRecord>,
    private readonly partners: TradingPartnersService,
    @Inject(ediConfig.KEY) private readonly config: EdiConfig,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.purchaseOrders = this.modules.get(PurchaseOrdersService, { strict: false });
    this.partnerAnswers = new PartnerAnswers(this.modules.get(AccessTokenIssuer, { strict: false }));
  }

  async receive(raw: string, caller: Caller): Promise<InboundAnswer> {
    const partner = await this.partners.findOptional(caller.organisationId);
    const received = await this.store(raw, caller.organisationId, partner);
    if (!partner) {
      const answer = problemAnswer(403, 'no-trading-partner', 'No trading-partner profile', `${caller.organisationId} has no trading-partner profile: an operator sets one at PUT /organisations/${caller.organisationId}/trading-partner`);
      await this.settle(received, 'rejected', answer, { reason: 'no trading-partner profile' });
      return answer;
    }
    let result: ParseResult;
    try {
      result = parseInbound(raw, partnerSyntax(partner), this.config.ours, {
        buyerId: caller.organisationId,
        maxBytes: this.config.maxDocumentBytes,
        receivedAt: received.createdAt,
      });
    } catch (error) {
      this.logger.error(`document ${received.id} could not be read: ${(error as Error).stack ?? String(error)}`);
      result = { ok: false, rejection: { status: 400, reason: 'the document could not be read' } };
    }
    if (!result.ok) return this.reject(received, partner, result.rejection);

    const control = result.interchange.controlNumber;
    const earlier = await this.documents.findOneBy({ partnerId: partner.organisationId, direction: 'inbound', status: 'accepted', interchangeControl: control });
    if (earlier) return this.resent(received, partner, earlier);
    await this.documents.update(received.id, {
      documentType: result.documents[0]?.documentType ?? received.documentType,
      interchangeControl: control,
      groupControl: result.interchange.groupControlNumbers[0] ?? null,
      transactionControl: result.interchange.transactionControlNumbers.join(',') || null,
    });

    // A partner's 997/999/CONTRL of what Tradelane sent: kept, nothing to do.
    if (result.documents.length > 0 && result.documents.every((d) => d.content.type === 'acknowledgment')) {
      const answer: InboundAnswer = {
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({ documentId: received.id, status: 'accepted', interchangeControlNumber: control, orders: [] }),
      };
      return this.commitAccepted(received, partner, { ...result, acknowledgment: undefined, acknowledgments: [] }, answer, [], []);
    }
    const expected = TAKEN_FROM[caller.role];
    if (!expected || result.documents.some((d) => d.content.type !== expected)) {
      const detail = `a ${caller.role} sends ${expected ? DOCUMENT_NAMES[expected] : 'no documents'} here`;
      const answer = problemAnswer(422, 'unsupported-document', 'Document not taken here', detail, [{ field: 'body', message: detail }]);
      await this.settle(received, 'rejected', answer, { reason: detail });
      return answer;
    }
    if (expected !== 'purchase-order') return this.passOn(received, partner, result, caller);
    const orders = result.documents as Array<InboundDocument & { content: PurchaseOrderContent }>;
    // Each purchase order (X12 transaction set, EDIFACT message) is taken or refused on its own.
    const submitted: SubmittedDocumentOrder[] = [];
    const refusals: RefusedDocument[] = [];
    for (const [index, doc] of orders.entries()) {
      try {
        const input = await this.orderPipe.transform({ ...doc.content.order });
        const order = await this.purchaseOrders.submit(input, caller.actor);
        submitted.push({ purchaseOrderNumber: doc.content.purchaseOrderNumber, transactionControlNumber: doc.controlNumber, orderId: order.orderId });
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
        refusals.push(refusalOf(index, doc, error));
      }
    }
    if (submitted.length === 0) return this.refuseContent(received, partner, result, refusals);
    return this.accept(received, partner, result, orders, submitted, refusals);
  }

  /** Before anything acts on it: the document as it came, with who sent it. */
  private async store(raw: string, partnerId: string, partner: TradingPartnerRecord | null): Promise<EdiDocumentRecord> {
    const row: Partial<EdiDocumentRecord> = {
      id: randomUUID(),
      partnerId,
      direction: 'inbound',
      standard: partner?.standard ?? 'unknown',
      version: partner?.version ?? null,
      documentType: 'unknown',
      status: 'received',
      raw,
      contentSha256: sha256(raw),
      orderIds: [],
      createdAt: new Date(),
    };
    await this.documents.insert(row);
    return row as EdiDocumentRecord;
  }

  private async settle(row: EdiDocumentRecord, status: string, answer: InboundAnswer, more: Partial<EdiDocumentRecord> = {}): Promise<void> {
    await this.documents.update(row.id, { status, answerStatus: answer.status, answerType: answer.contentType, answerBody: answer.body, ...more });
  }

  /**
   * The standard's rejection, as the answer and (X12, EDIFACT) in the outbox; nothing is started.
   * A document that was read but is wrong answers 422, as the JSON intake does for a request that
   * fits its schema (a text body) but cannot be taken; the document's own code (cXML 400) stays.
   */
  private async reject(received: EdiDocumentRecord, partner: TradingPartnerRecord, refused: Rejection): Promise<InboundAnswer> {
    const rejection = { ...refused, status: refused.status === 400 ? 422 : refused.status };
    const interchange = rejection.interchange;
    const more: Partial<EdiDocumentRecord> = {
      reason: rejection.field ? `${rejection.field}: ${rejection.reason}` : rejection.reason,
      interchangeControl: interchange?.controlNumber ?? null,
      groupControl: interchange?.groupControlNumbers?.[0] ?? null,
      transactionControl: interchange?.transactionControlNumbers?.join(',') || null,
    };
    const answer = await this.documents.manager.transaction(async (tx) => {
      let answer: InboundAnswer;
      if (partner.standard === 'cxml') {
        answer = { status: rejection.status, contentType: 'text/xml', body: rejection.cxmlResponse ?? this.cxml(refused.status, rejection.reason) };
        await insertOutbound(tx, partner, 'Response', answer.body, {}, { inReplyTo: received.id });
      } else if (rejection.acknowledgment) {
        const n = await nextControlNumber(tx, partner.organisationId);
        const body = rejectionResponse(refused, partnerSyntax(partner), this.config.ours, { interchange: n, group: n, transaction: n });
        if (!body) {
          answer = problemAnswer(rejection.status, 'edi-rejected', 'Document rejected', more.reason!, rejection.field ? [{ field: rejection.field, message: rejection.reason }] : undefined);
        } else {
          answer = { status: rejection.status, contentType: MEDIA_TYPE[partner.standard], body };
          await insertOutbound(tx, partner, acknowledgmentType(partner, rejection.acknowledgment), body, { interchange: String(n), group: String(n), transaction: String(n) }, { inReplyTo: received.id });
        }
      } else {
        answer = problemAnswer(rejection.status, 'edi-rejected', 'Document rejected', more.reason!, rejection.field ? [{ field: rejection.field, message: rejection.reason }] : undefined);
      }
      await tx.update(EdiDocumentRecord, received.id, { status: 'rejected', answerStatus: answer.status, answerType: answer.contentType, answerBody: answer.body, ...more });
      return answer;
    });
    return answer;
  }

  /**
   * The intake refused every purchase order the envelope check let through (unknown SKU, a date
   * in the past, …): the standard's rejection names each, the answer the fields.
   */
  private async refuseContent(received: EdiDocumentRecord, partner: TradingPartnerRecord, result: ParseResult & { ok: true }, refusals: RefusedDocument[]): Promise<InboundAnswer> {
    const reason = refusals.map((r) => r.reason).join('; ');
    const acknowledgment = result.acknowledgment ? rejectedAcknowledgment(result.acknowledgment, refusals) : undefined;
    const field = refusals[0]?.errors[0]?.field;
    return this.reject(received, partner, {
      status: 400,
      reason,
      ...(field ? { field } : {}),
      interchange: result.interchange,
      ...(acknowledgment ? { acknowledgment } : {}),
      ...(partner.standard === 'cxml' ? { cxmlResponse: this.cxml(400, reason) } : {}),
    });
  }

  /** A resend of an accepted interchange gets its first answer; other content under its control number is refused. */
  private async resent(received: EdiDocumentRecord, partner: TradingPartnerRecord, earlier: EdiDocumentRecord): Promise<InboundAnswer> {
    const more = { interchangeControl: earlier.interchangeControl, documentType: earlier.documentType, inReplyTo: earlier.id };
    if (earlier.contentSha256 === received.contentSha256 && earlier.answerStatus !== null) {
      const answer = { status: earlier.answerStatus === 201 ? 200 : earlier.answerStatus, contentType: earlier.answerType!, body: earlier.answerBody! };
      await this.settle(received, 'duplicate', answer, { ...more, orderIds: earlier.orderIds, orderId: earlier.orderId });
      return answer;
    }
    const detail = `interchange control number ${earlier.interchangeControl} was used before for a different document (${earlier.id})`;
    const answer =
      partner.standard === 'cxml'
        ? { status: 409, contentType: 'text/xml', body: this.cxml(409, detail) }
        : problemAnswer(409, 'control-number-reused', 'Control number already used', detail, [{ field: 'interchangeControlNumber', message: 'already used for a different document' }]);
    await this.settle(received, 'refused', answer, { ...more, reason: detail });
    return answer;
  }

  private async accept(
    received: EdiDocumentRecord,
    partner: TradingPartnerRecord,
    result: ParseResult & { ok: true },
    orders: Array<InboundDocument & { content: PurchaseOrderContent }>,
    submitted: SubmittedDocumentOrder[],
    refusals: RefusedDocument[],
  ): Promise<InboundAnswer> {
    const orderIds = submitted.map((s) => s.orderId);
    const answer: InboundAnswer =
      partner.standard === 'cxml'
        ? { status: 200, contentType: 'text/xml', body: this.cxml(200, `OK: order ${orderIds.join(', ')}`) }
        : {
            status: 201,
            contentType: 'application/json',
            body: JSON.stringify({
              documentId: received.id,
              status: 'accepted',
              interchangeControlNumber: result.interchange.controlNumber,
              orders: submitted,
              ...(refusals.length > 0 ? { refused: refusals.map(({ transactionControlNumber, reason }) => ({ transactionControlNumber, reason })) } : {}),
            }),
          };
    return this.commitAccepted(received, partner, result, answer, orderIds, refusals, async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(EdiOrderRecord)
        .values(
          submitted.map((taken) => {
            const doc = orders.find((d) => d.controlNumber === taken.transactionControlNumber)!;
            return {
              orderId: taken.orderId,
              partnerId: partner.organisationId,
              inboundDocumentId: received.id,
              purchaseOrderNumber: doc.content.purchaseOrderNumber,
              buyerLineIds: doc.content.buyerLineIds,
            };
          }),
        )
        .orIgnore()
        .execute();
    });
  }

  /** A supplier's stock answers, a carrier's load tender responses: each passed on to that party's own API. */
  private async passOn(received: EdiDocumentRecord, partner: TradingPartnerRecord, result: ParseResult & { ok: true }, caller: Caller): Promise<InboundAnswer> {
    const passed: PassedOn[] = [];
    for (const doc of result.documents) passed.push(await this.partnerAnswers.passOn(doc, caller));
    const taken = passed.filter((p) => p.status < 300);
    const refusals: RefusedDocument[] = passed.flatMap((p, i) =>
      p.status >= 300 ? [{ transactionControlNumber: p.transactionControlNumber, reason: `${p.subjectId}: ${p.reason}`, errors: [], document: result.documents[i] }] : [],
    );
    if (taken.length === 0) return this.refuseContent(received, partner, result, refusals);
    const orderIds = [...new Set(taken.flatMap((p) => (p.orderId ? [p.orderId] : [])))];
    const answer: InboundAnswer = {
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify({
        documentId: received.id,
        status: 'accepted',
        interchangeControlNumber: result.interchange.controlNumber,
        orders: [],
        answered: taken.map(({ transactionControlNumber, subjectId, orderId }) => ({ transactionControlNumber, subjectId, ...(orderId ? { orderId } : {}) })),
        ...(refusals.length > 0 ? { refused: refusals.map(({ transactionControlNumber, reason }) => ({ transactionControlNumber, reason })) } : {}),
      }),
    };
    return this.commitAccepted(received, partner, result, answer, orderIds, refusals);
  }

  /** The interchange taken: its answer kept for resends, its orders linked, its 997/999 or CONTRL in the outbox. */
  private async commitAccepted(
    received: EdiDocumentRecord,
    partner: TradingPartnerRecord,
    result: ParseResult & { ok: true },
    answer: InboundAnswer,
    orderIds: string[],
    refusals: RefusedDocument[],
    more?: (tx: EntityManager) => Promise<void>,
  ): Promise<InboundAnswer> {
    try {
      await this.documents.manager.transaction(async (tx) => {
        await tx.update(EdiDocumentRecord, received.id, {
          status: 'accepted',
          orderId: orderIds[0] ?? null,
          orderIds,
          answerStatus: answer.status,
          answerType: answer.contentType,
          answerBody: answer.body,
        });
        await more?.(tx);
        // X12: a 997/999 per functional group.
        const acknowledgments = result.acknowledgments ?? (result.acknowledgment ? [result.acknowledgment] : []);
        if (partner.documents.includes('acknowledgment')) {
          for (const ack of acknowledgments) {
            const acknowledgment = refusals.length > 0 ? rejectedAcknowledgment(ack, refusals) : ack;
            await writeOutbound(tx, partner, this.config.ours, { kind: 'acknowledgment', acknowledgment }, { orderId: orderIds[0], inReplyTo: received.id });
          }
        }
      });
    } catch (error) {
      // The same interchange accepted meanwhile by a concurrent request: answer as its resend.
      if ((error as { code?: string }).code !== '23505') throw error;
      const earlier = await this.documents.findOneByOrFail({ partnerId: partner.organisationId, direction: 'inbound', status: 'accepted', interchangeControl: result.interchange.controlNumber });
      return this.resent(received, partner, earlier);
    }
    return answer;
  }

  private cxml(status: number, text: string): string {
    return cxmlResponse(status as CxmlStatus, text, `${Date.now()}.${randomUUID()}@${this.config.ours.cxml.identity.toLowerCase()}`);
  }
}

function acknowledgmentType(partner: TradingPartnerRecord, ack: AcknowledgmentContent): string {
  if (partner.standard === 'edifact') return 'CONTRL';
  if (!ack.group) return 'TA1';
  return partner.version === '005010' ? '999' : '997';
}

/** What each kind of party sends: a buyer its purchase orders, a supplier its stock answers (855), a carrier its load tender responses (990). */
const TAKEN_FROM: Record<string, Exclude<InboundContent['type'], 'acknowledgment'>> = { buyer: 'purchase-order', supplier: 'stock-answer', carrier: 'load-tender-response' };
const DOCUMENT_NAMES: Record<Exclude<InboundContent['type'], 'acknowledgment'>, string> = {
  'purchase-order': 'purchase orders (X12 850, EDIFACT ORDERS, cXML OrderRequest)',
  'stock-answer': 'stock answers (X12 855)',
  'load-tender-response': 'load tender responses (X12 990)',
};

interface RefusedDocument {
  transactionControlNumber: string;
  reason: string;
  errors: FieldProblem[];
  document: InboundDocument;
}

function refusalOf(index: number, doc: InboundDocument & { content: PurchaseOrderContent }, error: ProblemException): RefusedDocument {
  const problem = error.getResponse() as { detail?: string; errors?: FieldProblem[] };
  const errors = problem.errors ?? [];
  const what = problem.detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return { transactionControlNumber: doc.controlNumber, reason: `purchase order ${index + 1} (${doc.content.purchaseOrderNumber}): ${what}`, errors, document: doc };
}

/** The interchange's acknowledgment, with each refused transaction marked rejected at the segment and element its field came from; accepted in part when some were taken. */
function rejectedAcknowledgment(ack: AcknowledgmentContent, refusals: RefusedDocument[]): AcknowledgmentContent {
  const refused = new Map(refusals.map((r) => [r.transactionControlNumber, r]));
  const transactions = ack.transactions.map((t) => {
    const refusal = refused.get(t.controlNumber);
    if (!refusal) return t;
    const fields = refusal.errors.length > 0 ? refusal.errors.map((e) => e.field) : [''];
    return { ...t, accepted: false, errors: fields.map((field) => refusalError(refusal.document, ack.standard, field, valueAt(refusal.document, field))) };
  });
  const accepted = transactions.filter((t) => t.accepted).length;
  return {
    ...ack,
    accepted: accepted > 0,
    transactions,
    ...(ack.counts ? { counts: { ...ack.counts, accepted } } : {}),
  };
}

/** The value the intake refused (`lines[1].sku` → that line's SKU), for the 997's AK404. */
function valueAt(doc: InboundDocument, field: string): string | undefined {
  if (doc.content.type !== 'purchase-order') return undefined;
  let value: unknown = doc.content.order;
  for (const key of field.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
