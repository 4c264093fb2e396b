import { Logger } from '@nestjs/common';
import type { InboundDocument, LoadTenderResponseContent, StockAnswerContent } from '@tradelane/edi';
import { ProblemException, type AccessTokenIssuer, type Caller } from '@tradelane/platform';
import { partyUrl } from './party-urls';

/** What the party's own API said to one document passed on. */
export interface PassedOn {
  transactionControlNumber: string;
  /** the inquiry or transport notice answered */
  subjectId: string;
  status: number;
  orderId?: string;
  /** the API's detail, when it refused */
  reason?: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A supplier's 855 is its stock answer and a carrier's 990 its acceptance or rejection: the
 * distributor passes each to that party's own HTTP API, as the partner, with a token it issues
 * for the partner's organisation and actor. It never touches their tables.
 */
export class PartnerAnswers {
  private readonly logger = new Logger('EdiPartnerAnswers');

  constructor(private readonly issuer: AccessTokenIssuer) {}

  async passOn(doc: InboundDocument, caller: Caller): Promise<PassedOn> {
    const token = this.issuer.issue({ ...caller, credentialId: caller.credentialId }).token;
    if (doc.content.type === 'stock-answer') return this.stockAnswer(doc, doc.content, token);
    if (doc.content.type === 'load-tender-response') return this.loadTenderResponse(doc, doc.content, token);
    throw new Error(`not passed on: ${doc.content.type}`);
  }

  private async stockAnswer(doc: InboundDocument, answer: StockAnswerContent, token: string): Promise<PassedOn> {
    const inquiryId = answer.inquiryId ?? answer.reference;
    const body = {
      lines: answer.lines.map((l) => ({
        lineNo: l.lineNo,
        quantityCommitted: l.quantityCommitted,
        ...(l.quantityCommitted > 0 ? { unitPriceMinor: l.unitPriceMinor, ...(l.readyDate ? { readyDate: l.readyDate } : {}) } : {}),
      })),
    };
    return this.post(doc, inquiryId, `${partyUrl('supplier')}/stock-inquiries/${encodeURIComponent(inquiryId)}/answer`, body, token);
  }

  private async loadTenderResponse(doc: InboundDocument, response: LoadTenderResponseContent, token: string): Promise<PassedOn> {
    const leaf = response.decision === 'accepted' ? 'accept' : 'reject';
    const body = response.decision === 'accepted' ? {} : { reason: response.reason ?? 'declined by the carrier (X12 990)' };
    return this.post(doc, response.noticeId, `${partyUrl('carrier')}/transport-notices/${encodeURIComponent(response.noticeId)}/${leaf}`, body, token);
  }

  private async post(doc: InboundDocument, subjectId: string, url: string, body: unknown, token: string): Promise<PassedOn> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn(`${url} could not be reached: ${(error as Error).message}`);
      throw unavailable();
    }
    const answer = (await response.json().catch(() => ({}))) as { orderId?: string; detail?: string };
    if (response.status >= 500) throw unavailable();
    return {
      transactionControlNumber: doc.controlNumber,
      subjectId,
      status: response.status,
      ...(answer.orderId ? { orderId: answer.orderId } : {}),
      ...(response.ok ? {} : { reason: answer.detail ?? `answered ${response.status}` }),
    };
  }
}

const unavailable = () =>
  new ProblemException(503, 'dependency-unavailable', 'Service unavailable', 'the party service the document is for cannot be reached now; the document is kept, send it again later');
