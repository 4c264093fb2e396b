import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CurrentCaller, mustSee, ownScope, Roles, type Caller } from '@tradelane/platform';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ShippingInquiriesService } from '../shipping-inquiries/shipping-inquiries.service';
import { TransportNoticesService } from '../transport-notices/transport-notices.service';
import { CarriersService } from './carriers.service';
import { AnswerModeDto, ShippingInquiryFilterDto, TransportNoticeFilterDto } from './dto/carrier.dto';
import { ShippingInquiryRecord } from '../shipping-inquiries/shipping-inquiry.entity';
import { TransportNoticeRecord } from '../transport-notices/transport-notice.entity';
import { Carrier } from './carrier.entity';
import { RateCard } from './rate-card.entity';

@ApiTags('carriers')
@Controller('carriers')
export class CarriersController {
  constructor(
    private readonly carriers: CarriersService,
    private readonly inquiries: ShippingInquiriesService,
    private readonly notices: TransportNoticesService,
  ) {}

  @Get()
  @Roles('carrier', 'auditor', 'operator')
  @ApiOperation({ summary: 'Carriers on this service, with how each answers; a carrier sees itself' })
  @ApiOkResponse({ type: Carrier, isArray: true })
  async list(@CurrentCaller() caller: Caller) {
    const own = ownScope(caller);
    const all = await this.carriers.list();
    return own ? all.filter((c) => c.id === own) : all;
  }

  @Put(':carrierId/answer-mode')
  @ApiOperation({ summary: 'Quote and accept automatically from rate cards, or wait for a person' })
  @Roles('carrier', 'operator')
  setAnswerMode(@Param('carrierId') carrierId: string, @Body() body: AnswerModeDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, carrierId, 'carrier', carrierId);
    return this.carriers.setAnswerMode(carrierId, body.answerMode);
  }

  @Get(':carrierId/rate-cards')
  @ApiOperation({ summary: "The carrier's rate cards" })
  @ApiOkResponse({ type: RateCard, isArray: true })
  @Roles('carrier', 'auditor', 'operator')
  async rateCards(@Param('carrierId') carrierId: string, @CurrentCaller() caller: Caller) {
    mustSee(caller, carrierId, 'carrier', carrierId);
    await this.carriers.get(carrierId);
    return this.carriers.rateCardsOf(carrierId);
  }

  @Get(':carrierId/shipping-inquiries')
  @ApiOperation({ summary: 'Shipping inquiries (step 4) addressed to this carrier' })
  @ApiOkResponse({ type: ShippingInquiryRecord, isArray: true })
  @Roles('carrier', 'auditor', 'operator')
  async shippingInquiries(@Param('carrierId') carrierId: string, @Query() filter: ShippingInquiryFilterDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, carrierId, 'carrier', carrierId);
    await this.carriers.get(carrierId);
    return this.inquiries.list({ addressee: carrierId, status: filter.status });
  }

  @Get(':carrierId/transport-notices')
  @ApiOperation({ summary: 'Transport notices (step 7) addressed to this carrier' })
  @ApiOkResponse({ type: TransportNoticeRecord, isArray: true })
  @Roles('carrier', 'auditor', 'operator')
  async transportNotices(@Param('carrierId') carrierId: string, @Query() filter: TransportNoticeFilterDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, carrierId, 'carrier', carrierId);
    await this.carriers.get(carrierId);
    return this.notices.list({ addressee: carrierId, status: filter.status });
  }
}
