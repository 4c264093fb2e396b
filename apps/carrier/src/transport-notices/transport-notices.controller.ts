import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, uuidParam, type Caller } from '@tradelane/platform';
import { noAcceptanceFields, transportAcceptanceBody } from './dto/transport-acceptance.dto';
import { TransportRejectionDto } from './dto/transport-rejection.dto';
import { TransportNoticesService } from './transport-notices.service';
import { TransportNoticeRecord } from './transport-notice.entity';

@ApiTags('transport notices')
@Controller('transport-notices')
export class TransportNoticesController {
  constructor(private readonly notices: TransportNoticesService) {}

  @Get(':noticeId')
  @ApiOperation({ summary: 'One transport notice (step 7)' })
  @ApiOkResponse({ type: TransportNoticeRecord })
  @Roles('carrier', 'auditor', 'operator')
  get(@Param('noticeId', uuidParam('noticeId')) noticeId: string, @CurrentCaller() caller: Caller) {
    return this.notices.get(noticeId, caller);
  }

  @Post(':noticeId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "The carrier accepts the shipment; the acceptance names the caller's actor" })
  @ApiBody(transportAcceptanceBody)
  @Roles('carrier')
  accept(@Param('noticeId', uuidParam('noticeId')) noticeId: string, @Body(noAcceptanceFields) _body: Record<string, never>, @CurrentCaller() caller: Caller) {
    return this.notices.accept(noticeId, caller);
  }

  @Post(':noticeId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: "The carrier will not take the shipment; the order books the next best carrier. The rejection names the caller's actor" })
  @Roles('carrier')
  reject(@Param('noticeId', uuidParam('noticeId')) noticeId: string, @Body() body: TransportRejectionDto, @CurrentCaller() caller: Caller) {
    return this.notices.reject(noticeId, body.reason, caller);
  }
}
