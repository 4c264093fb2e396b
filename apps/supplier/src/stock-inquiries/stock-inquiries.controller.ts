import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, ownScope, Roles, uuidParam, type Caller } from '@tradelane/platform';
import { InquiryListFilterDto } from './dto/inquiry-filter.dto';
import { StockAnswerDto } from './dto/stock-answer.dto';
import { StockInquiriesService } from './stock-inquiries.service';
import { StockInquiryRecord } from './stock-inquiry.entity';

@ApiTags('stock inquiries')
@Controller('stock-inquiries')
export class StockInquiriesController {
  constructor(private readonly inquiries: StockInquiriesService) {}

  @Get()
  @Roles('supplier', 'auditor', 'operator')
  @ApiOperation({ summary: 'Stock inquiries (step 2), open, answered or withdrawn, with any reminder and its deadline; a supplier sees only its own' })
  @ApiOkResponse({ type: StockInquiryRecord, isArray: true })
  list(@Query() filter: InquiryListFilterDto, @CurrentCaller() caller: Caller) {
    const own = ownScope(caller);
    if (own && filter.supplierId && filter.supplierId !== own) return [];
    return this.inquiries.list({ addressee: own ?? filter.supplierId, status: filter.status });
  }

  @Get(':inquiryId')
  @Roles('supplier', 'auditor', 'operator')
  @ApiOperation({ summary: 'One stock inquiry (step 2) and its answer, if given' })
  @ApiOkResponse({ type: StockInquiryRecord })
  get(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @CurrentCaller() caller: Caller) {
    return this.inquiries.get(inquiryId, caller);
  }

  @Post(':inquiryId/answer')
  @HttpCode(200)
  @Roles('supplier')
  @ApiOperation({
    summary: 'A person at the supplier answers the inquiry: the stock answer (step 3)',
    description: 'Refused (422, naming the field) above what is available or above the buyer\'s price ceiling; 409 once answered or withdrawn. Accepted answers hold the committed units.',
  })
  answer(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @Body() body: StockAnswerDto, @CurrentCaller() caller: Caller) {
    return this.inquiries.answer(inquiryId, body, caller);
  }
}
