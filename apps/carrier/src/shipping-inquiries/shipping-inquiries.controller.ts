import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, mustSee, uuidParam, type Caller } from '@tradelane/platform';
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
  async get(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @CurrentCaller() caller: Caller) {
    const inquiry = await this.inquiries.get(inquiryId);
    mustSee(caller, inquiry.carrierId, 'shipping inquiry', inquiryId);
    return inquiry;
  }

  @Post(':inquiryId/quote')
  @HttpCode(200)
  @ApiOperation({ summary: "A person at the carrier's desk quotes: the shipping quote (step 5)" })
  @Roles('carrier')
  async quote(@Param('inquiryId', uuidParam('inquiryId')) inquiryId: string, @Body() body: ShippingQuoteDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, (await this.inquiries.get(inquiryId)).carrierId, 'shipping inquiry', inquiryId);
    return this.inquiries.quote(inquiryId, body);
  }
}
