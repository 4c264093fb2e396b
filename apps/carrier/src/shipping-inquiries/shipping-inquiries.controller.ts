import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, uuidParam, type Caller } from '@tradelane/platform';
import { ShippingQuoteDto } from './dto/shipping-quote.dto';
import { ShippingInquiriesService } from './shipping-inquiries.service';
import { ShippingInquiryRecord } from './shipping-inquiry.entity';

@ApiTags('shipping inquiries')
@Controller('shipping-inquiries')
export class ShippingInquiriesController {
  constructor(private readonly inquiries: ShippingInquiriesService) {}

  @Get(':inquiryId')
  @ApiOperation({ summary: 'One shipping inquiry (step 4) and its quote, if given' })
  @ApiOkResponse({ type: ShippingInquiryRecord })
  @Roles('carrier', 'auditor', 'operator')
  get(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @CurrentCaller() caller: Caller) {
    return this.inquiries.get(inquiryId, caller);
  }

  @Post(':inquiryId/quote')
  @HttpCode(200)
  @ApiOperation({ summary: "A person at the carrier's desk quotes: the shipping quote (step 5)" })
  @Roles('carrier')
  quote(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @Body() body: ShippingQuoteDto, @CurrentCaller() caller: Caller) {
    return this.inquiries.quote(inquiryId, body, caller);
  }
}
