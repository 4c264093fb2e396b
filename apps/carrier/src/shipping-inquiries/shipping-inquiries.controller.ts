import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { ShippingQuoteDto } from './dto/shipping-quote.dto';
import { ShippingInquiriesService } from './shipping-inquiries.service';

@ApiTags('shipping inquiries')
@Controller('shipping-inquiries')
export class ShippingInquiriesController {
  constructor(private readonly inquiries: ShippingInquiriesService) {}

  @Get(':inquiryId')
  @ApiOperation({ summary: 'One shipping inquiry (step 4) and its quote, if given' })
  get(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string) {
    return this.inquiries.get(inquiryId);
  }

  @Post(':inquiryId/quote')
  @HttpCode(200)
  @ApiOperation({ summary: "A person at the carrier's desk quotes: the shipping quote (step 5)" })
  quote(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @Body() body: ShippingQuoteDto) {
    return this.inquiries.quote(inquiryId, body);
  }
}
