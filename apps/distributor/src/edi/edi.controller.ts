import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, ProblemException, Roles, uuidParam, type Caller } from '@tradelane/platform';
import { EdiDocumentView, InboundAcceptedDto, OrderDocumentsQueryDto, OutboxPageDto, OutboxQueryDto } from './dto/edi-document.dto';
import { ediConfig } from './edi.config';
import { INBOUND_MEDIA_TYPES } from './inbound-body';
import { InboundService } from './inbound.service';
import { MailboxService } from './mailbox.service';
import { MEDIA_TYPE } from './partner-syntax';

const documentId = uuidParam('id');
const rawDocument = { schema: { type: 'string' } };
const documents = {
  'application/edi-x12': rawDocument,
  'application/edifact': rawDocument,
  'text/xml': rawDocument,
};
const standardAnswer = (description: string) => ({ description, content: documents });
/** The standard's rejection, or problem details where there is no document to answer with. */
const rejectionAnswer = (description: string) => ({
  description,
  content: { ...documents, 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

@ApiTags('edi')
@Controller('edi')
export class EdiController {
  constructor(
    private readonly inbound: InboundService,
    private readonly mailbox: MailboxService,
  ) {}

  @Post('inbound')
  @HttpCode(200)
  @Roles('buyer', 'supplier', 'carrier')
  @ApiOperation({
    summary: "A partner's document: a buyer's X12 850 (004010/005010), EDIFACT ORDERS (D96A) or cXML OrderRequest; a supplier's X12 855; a carrier's X12 990",
    description:
      'The body is the document as text, in the standard of the partner\'s trading-partner profile. It is stored as received before anything reads it. ' +
      'A purchase order goes through the same validation, sourcing and idempotency as POST /purchase-orders, keyed by the partner, the interchange control number and the PO number: ' +
      'a resend is answered as the first time, with no second order; other content under a used control number is refused (409). ' +
      'A bad document gets the standard\'s rejection (X12 997/999 or TA1, EDIFACT CONTRL, cXML Response) as the answer and in the outbox, and nothing is started. ' +
      'Accepted X12 interchanges get a 997 (004010) or 999 (005010) in the outbox; cXML is answered with its Response.',
  })
  @ApiConsumes(...INBOUND_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', minLength: 1, maxLength: ediConfig().maxDocumentBytes, pattern: '^[^\\u0000]*$' }, description: 'the interchange as text (no NUL characters)' })
  @ApiOkResponse({ description: 'cXML: the Response 200 naming the order; a resend of an accepted X12/EDIFACT interchange: its first answer', content: { 'text/xml': rawDocument, 'application/json': { schema: { $ref: '#/components/schemas/InboundAcceptedDto' } } } })
  @ApiCreatedResponse({ description: 'X12/EDIFACT: accepted, its orders started', type: InboundAcceptedDto })
  @ApiResponse({ status: 401, ...rejectionAnswer('No access token, or one that was refused (problem+json); cXML: a wrong or missing SharedSecret (a cXML Response 401)') })
  @ApiResponse({ status: 403, ...rejectionAnswer('The envelope names another partner (X12 TA1, EDIFACT CONTRL, cXML Response), or the caller has no trading-partner profile or a role that sends none (problem+json)') })
  @ApiResponse({ status: 409, ...rejectionAnswer('Its interchange control number (cXML payloadID) was used before for a different document: refused, nothing started') })
  @ApiResponse({ status: 413, ...rejectionAnswer('Larger than the mailbox reads: the standard\'s rejection, the document kept; far larger, problem+json and not read') })
  @ApiResponse({ status: 415, description: 'Not sent as text in one of the media types above, or empty' })
  @ApiServiceUnavailableResponse({ description: "PostgreSQL, Temporal, or the supplier's or carrier's API a document is passed to cannot be reached (Retry-After): the document is kept, nothing is started, and it may be sent again" })
  @ApiResponse({
    status: 422,
    ...rejectionAnswer(
      'Read but refused: a broken envelope, wrong counts or control numbers, a missing segment, a value the intake refuses (unknown SKU, a date in the past, …). ' +
        'The body is the standard\'s rejection (X12 TA1 or 997/999 naming the segment and element, EDIFACT CONTRL, cXML Response 400 with the reason); nothing is started, the document is kept',
    ),
  })
  async receive(@Req() req: Request, @Res() res: Response, @CurrentCaller() caller: Caller): Promise<void> {
    if (typeof req.body !== 'string' || req.body.length === 0) {
      throw new ProblemException(415, 'unsupported-media-type', 'Unsupported media type', `send the document as text with Content-Type ${INBOUND_MEDIA_TYPES.join(', ')}`, [
        { field: 'body', message: 'must be a non-empty document sent as text' },
      ]);
    }
    // PostgreSQL text cannot hold NUL, and no X12, EDIFACT or XML document has one.
    if (req.body.includes('\u0000')) {
      throw new ProblemException(400, 'validation', 'Invalid request', 'body: must not contain NUL characters', [{ field: 'body', message: 'must not contain NUL characters' }]);
    }
    const answer = await this.inbound.receive(req.body, caller);
    res.status(answer.status).type(answer.contentType).send(answer.body);
  }

  @Get('outbound')
  @Roles('buyer', 'supplier', 'carrier', 'auditor', 'operator')
  @ApiOperation({ summary: "The caller's outbound documents in the order they were made, after a cursor (auditors and operators: everyone's)" })
  @ApiOkResponse({ type: OutboxPageDto })
  outbox(@Query() query: OutboxQueryDto, @CurrentCaller() caller: Caller): Promise<OutboxPageDto> {
    return this.mailbox.outbox(caller, query);
  }

  @Get('outbound/:id')
  @Roles('buyer', 'supplier', 'carrier', 'auditor', 'operator')
  @ApiOperation({ summary: 'One outbound document as sent, in its standard; X-Edi-Document-Type and X-Edi-Control-Number say what it is' })
  @ApiProduces('application/edi-x12', 'application/edifact', 'text/xml')
  @ApiOkResponse(standardAnswer('the document as sent'))
  async document(@Param('id', documentId) id: string, @Res() res: Response, @CurrentCaller() caller: Caller): Promise<void> {
    const doc = await this.mailbox.outbound(caller, id);
    res
      .status(200)
      .setHeader('X-Edi-Document-Type', doc.documentType)
      .setHeader('X-Edi-Control-Number', doc.interchangeControl ?? '')
      .type(MEDIA_TYPE[doc.standard] ?? 'text/plain')
      .send(doc.raw);
  }

  @Post('outbound/:id/ack')
  @HttpCode(200)
  @Roles('buyer', 'supplier', 'carrier')
  @ApiOperation({ summary: 'The partner has taken this outbound document; a second acknowledgment changes nothing' })
  @ApiOkResponse({ type: EdiDocumentView })
  acknowledge(@Param('id', documentId) id: string, @CurrentCaller() caller: Caller): Promise<EdiDocumentView> {
    return this.mailbox.acknowledge(caller, id);
  }

  @Get('documents/:id')
  @Roles('buyer', 'supplier', 'carrier', 'auditor', 'operator')
  @ApiOperation({
    summary: 'One document in or out, as it was received or sent: auditors and operators any, a partner its own',
    description:
      'The raw text as stored; its sha256 (hex, of the UTF-8 bytes) is the digest the order timeline shows for it. ' +
      'X-Edi-Direction, X-Edi-Document-Type and X-Edi-Control-Number say what it is; text/plain when it could not be read as any standard.',
  })
  @ApiProduces('application/edi-x12', 'application/edifact', 'text/xml', 'text/plain')
  @ApiOkResponse({ description: 'the document as stored', content: { ...documents, 'text/plain': rawDocument } })
  @ApiNotFoundResponse({ description: 'No such document, or it is another partner\'s' })
  async storedDocument(@Param('id', documentId) id: string, @Res() res: Response, @CurrentCaller() caller: Caller): Promise<void> {
    const doc = await this.mailbox.stored(caller, id);
    res
      .status(200)
      .setHeader('X-Edi-Direction', doc.direction)
      .setHeader('X-Edi-Document-Type', doc.documentType)
      .setHeader('X-Edi-Control-Number', doc.interchangeControl ?? '')
      .type(MEDIA_TYPE[doc.standard] ?? 'text/plain')
      .send(doc.raw);
  }

  @Get('documents')
  @Roles('buyer', 'supplier', 'carrier', 'auditor', 'operator')
  @ApiOperation({ summary: "Every document in and out for one order, oldest first: auditors and operators all of them, the order's parties their own" })
  @ApiOkResponse({ type: [EdiDocumentView] })
  @ApiNotFoundResponse({ description: 'No such order, or the caller is not one of its parties' })
  ofOrder(@Query() query: OrderDocumentsQueryDto, @CurrentCaller() caller: Caller): Promise<EdiDocumentView[]> {
    return this.mailbox.ofOrder(caller, query.orderId);
  }
}
