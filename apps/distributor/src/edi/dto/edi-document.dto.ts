import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const OUTBOX_PAGE_MAX = 200;

export class OutboxQueryDto {
  @ApiPropertyOptional({ description: 'Only documents after this position (the nextCursor of the page before); 0 or absent: from the start', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: OUTBOX_PAGE_MAX, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OUTBOX_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: "Operators and auditors: only this partner's outbox", pattern: '^[a-z0-9][a-z0-9-]{0,63}$' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'partnerId must be lower-case letters, digits and dashes, at most 64' })
  partnerId?: string;
}

export class OrderDocumentsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orderId: string;
}

/** A stored document without its text (GET /edi/outbound/:id has that). */
export class EdiDocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the cursor: list after it for what came later' }) position: number;
  @ApiProperty() partnerId: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction: string;
  @ApiProperty({ enum: ['x12', 'edifact', 'cxml', 'unknown'] }) standard: string;
  @ApiProperty({ type: String, nullable: true }) version: string | null;
  @ApiProperty({ description: '850, 855, 856, 810, 997, 999, TA1, 204, ORDERS, ORDRSP, DESADV, INVOIC, CONTRL, OrderRequest, ConfirmationRequest, ShipNoticeRequest, InvoiceDetailRequest, Response; unknown when unreadable' })
  documentType: string;
  @ApiProperty({ type: String, nullable: true }) interchangeControl: string | null;
  @ApiProperty({ type: String, nullable: true }) groupControl: string | null;
  @ApiProperty({ type: String, nullable: true }) transactionControl: string | null;
  @ApiProperty({ description: 'inbound: received, accepted, rejected, duplicate, refused; outbound: ready, acknowledged' }) status: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the inbound document this one answers' }) inReplyTo: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "when it was delivered to the partner's push URL" }) pushedAt: Date | null;
}

export class OutboxPageDto {
  @ApiProperty({ type: [EdiDocumentView] }) items: EdiDocumentView[];
  @ApiProperty({ description: 'list after this for the next page (the last item\'s position, or `after` when the page is empty)' }) nextCursor: number;
}

export class InboundAcceptedDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ enum: ['accepted'] }) status: string;
  @ApiProperty() interchangeControlNumber: string;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['purchaseOrderNumber', 'transactionControlNumber', 'orderId'],
      properties: { purchaseOrderNumber: { type: 'string' }, transactionControlNumber: { type: 'string' }, orderId: { type: 'string', format: 'uuid' } },
    },
  })
  orders: Array<{ purchaseOrderNumber: string; transactionControlNumber: string; orderId: string }>;

  @ApiPropertyOptional({
    description: 'purchase orders of the interchange the intake refused (the 997/999 rejects them); the others were taken',
    type: 'array',
    items: { type: 'object', required: ['transactionControlNumber', 'reason'], properties: { transactionControlNumber: { type: 'string' }, reason: { type: 'string' } } },
  })
  refused?: Array<{ transactionControlNumber: string; reason: string }>;
}
