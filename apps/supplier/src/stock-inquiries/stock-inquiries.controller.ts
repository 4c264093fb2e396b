import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { StockAnswerDto } from './dto/stock-answer.dto';
import { StockInquiriesService } from './stock-inquiries.service';

@ApiTags('stock inquiries')
@Controller('stock-inquiries')
export class StockInquiriesController {
  constructor(private readonly inquiries: StockInquiriesService) {}

  @Get(':inquiryId')
  @ApiOperation({ summary: 'One stock inquiry (step 2) and its answer, if given' })
  get(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string) {
    return this.inquiries.get(inquiryId);
  }

  @Post(':inquiryId/answer')
  @HttpCode(200)
  @ApiOperation({ summary: 'A person at the supplier answers the inquiry: the stock answer (step 3)' })
  answer(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @Body() body: StockAnswerDto) {
    return this.inquiries.answer(inquiryId, body);
  }
}
