import { Controller, Get, Headers, HttpCode, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles, SIGNATURE_HEADER } from '@tradelane/platform';
import { TransferNoticeFilterDto } from './dto/transfer-notice-filter.dto';
import { TransferNoticesService } from './transfer-notices.service';

@ApiTags('transfer notices')
@Controller('transfer-notices')
export class TransferNoticesController {
  constructor(private readonly transferNotices: TransferNoticesService) {}

  /** The body is read from the raw bytes (after the signature check), not through a DTO parameter. */
  @Post()
  @HttpCode(200)
  @Roles('payment-gateway')
  @ApiOperation({ summary: "The gateway's signed transfer notice (step 8); a redelivered event answers with its first outcome" })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 't=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<raw body>">' })
  receive(@Req() req: RawBodyRequest<Request>, @Headers(SIGNATURE_HEADER) signature: string | undefined) {
    return this.transferNotices.receive(req.rawBody, signature);
  }

  @Get()
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: 'Transfer notices taken in, newest first; `status=refused` lists those flagged for an operator' })
  list(@Query() filter: TransferNoticeFilterDto) {
    return this.transferNotices.list(filter);
  }
}
