import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tradelane/platform';
import { organisationIdParam as organisationId } from '../identity/params';
import { TradingPartnerDto, TradingPartnerView } from './dto/trading-partner.dto';
import { TradingPartnersService } from './trading-partners.service';

@ApiTags('edi')
@Controller()
export class TradingPartnersController {
  constructor(private readonly partners: TradingPartnersService) {}

  @Get('edi/partners')
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: 'Every trading-partner profile (without cXML shared secrets)' })
  @ApiOkResponse({ type: [TradingPartnerView] })
  list(): Promise<TradingPartnerView[]> {
    return this.partners.list();
  }

  @Get('organisations/:organisationId/trading-partner')
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: "An organisation's trading-partner profile: its interchange identities, standard, version and the documents it wants" })
  @ApiOkResponse({ type: TradingPartnerView })
  get(@Param('organisationId', organisationId) id: string): Promise<TradingPartnerView> {
    return this.partners.get(id);
  }

  @Put('organisations/:organisationId/trading-partner')
  @Roles('operator')
  @ApiOperation({
    summary: "Set an organisation's trading-partner profile; documents it sends and wants are exchanged at /edi/inbound and /edi/outbound",
    description: 'A buyer speaks X12 004010/005010, EDIFACT D96A or cXML 1.2.0xx; a supplier or carrier speaks X12. The cXML SharedSecret is kept as a hash only.',
  })
  @ApiOkResponse({ type: TradingPartnerView })
  set(@Param('organisationId', organisationId) id: string, @Body() dto: TradingPartnerDto): Promise<TradingPartnerView> {
    return this.partners.set(id, dto);
  }
}
