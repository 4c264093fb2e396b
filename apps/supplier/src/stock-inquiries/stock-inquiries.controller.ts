import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { InquiryListFilterDto } from './dto/inquiry-filter.dto';
import { StockAnswerDto } from './dto/stock-answer.dto';
import { StockInquiriesService } from './stock-inquiries.service';

@ApiTags('stock inquiries')
@Controller('stock-inquiries')
export class StockInquiriesController {
  constructor(private readonly inquiries: StockInquiriesService) {}

  @Get()
  @ApiOperation({ summary: 'Stock inquiries (step 2), open, answered or withdrawn, with any reminder and its deadline' })
  list(@Query() filter: InquiryListFilterDto) {
    return this.inquiries.list(filter);
  }

  @Get(':inquiryId')
  @ApiOperation({ summary: 'One stock inquiry (step 2) and its answer, if given' })
  get(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string) {
    return this.inquiries.get(inquiryId);
  }

  @Post(':inquiryId/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A person at the supplier answers the inquiry: the stock answer (step 3)',
    description: 'Refused (422, naming the field) above what is available or above the buyer\'s price ceiling; 409 once answered or withdrawn. Accepted answers hold the committed units.',
  })
  answer(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @Body() body: StockAnswerDto) {
    return this.inquiries.answer(inquiryId, body);
  }
}
