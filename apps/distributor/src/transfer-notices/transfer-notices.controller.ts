import { Controller, Get, Headers, HttpCode, HttpException, Post, Query, Req, Res, UseInterceptors, type RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles, SIGNATURE_HEADER } from '@tradelane/platform';
import { IntakeAdmissionInterceptor } from '../purchase-orders/intake-admission.interceptor';
import { TransferNoticeDto } from './dto/transfer-notice.dto';
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
  @UseInterceptors(IntakeAdmissionInterceptor)
  @ApiOperation({ summary: "The gateway's signed transfer notice (step 8); a redelivered event answers with its first outcome" })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 't=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<raw body>">' })
  @ApiBody({ type: TransferNoticeDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json' })
  async receive(
    @Req() req: RawBodyRequest<Request>,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    try {
      return await this.transferNotices.receive(req.rawBody, signature);
    } catch (error) {
      // RFC 9110: a 401 names the scheme the request must use; here that is the signature header.
      if (error instanceof HttpException && error.getStatus() === 401) {
        res.setHeader('WWW-Authenticate', `Signature realm="tradelane", header="${SIGNATURE_HEADER}"`);
      }
      throw error;
    }
  }

  @Get()
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: 'Transfer notices taken in, newest first; `status=refused` lists those flagged for an operator' })
  list(@Query() filter: TransferNoticeFilterDto) {
    return this.transferNotices.list(filter);
  }
}
