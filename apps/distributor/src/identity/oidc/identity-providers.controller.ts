import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@tradelane/platform';
import { organisationIdParam } from '../params';
import { IdentityProviderDto, IdentityProviderSettingsDto } from './dto/oidc.dto';
import { OidcService } from './oidc.service';

@ApiTags('identity')
@Controller('organisations/:organisationId/identity-provider')
export class IdentityProvidersController {
  constructor(private readonly oidc: OidcService) {}

  @Get()
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: "The organisation's own OpenID Connect provider, without its client secret" })
  @ApiOkResponse({ type: IdentityProviderDto })
  get(@Param('organisationId', organisationIdParam) organisationId: string) {
    return this.oidc.getProvider(organisationId);
  }

  @Put()
  @Roles('operator')
  @ApiOperation({ summary: 'Let the organisation’s people sign in through its own OpenID Connect provider' })
  @ApiOkResponse({ type: IdentityProviderDto })
  set(@Param('organisationId', organisationIdParam) organisationId: string, @Body() dto: IdentityProviderSettingsDto, @CurrentCaller() caller: Caller) {
    return this.oidc.setProvider(organisationId, dto, caller);
  }
}
