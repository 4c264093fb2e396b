import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { TransportAcceptanceDto } from './dto/transport-acceptance.dto';
import { TransportRejectionDto } from './dto/transport-rejection.dto';
import { TransportNoticesService } from './transport-notices.service';

@ApiTags('transport notices')
@Controller('transport-notices')
export class TransportNoticesController {
  constructor(private readonly notices: TransportNoticesService) {}

  @Get(':noticeId')
  @ApiOperation({ summary: 'One transport notice (step 7)' })
  get(@Param('noticeId', uuidParam('noticeId')) noticeId: string) {
    return this.notices.get(noticeId);
  }

  @Post(':noticeId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'The carrier accepts the shipment' })
  accept(@Param('noticeId', uuidParam('noticeId')) noticeId: string, @Body() body: TransportAcceptanceDto) {
    return this.notices.accept(noticeId, body.acceptedBy);
  }

  @Post(':noticeId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'The carrier will not take the shipment; the order books the next best carrier' })
  reject(@Param('noticeId', uuidParam('noticeId')) noticeId: string, @Body() body: TransportRejectionDto) {
    return this.notices.reject(noticeId, body.rejectedBy, body.reason);
  }
}
