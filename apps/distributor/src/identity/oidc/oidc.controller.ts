import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LimitPerClientAddress, Public } from '@tradelane/platform';
import { SignedInDto } from '../people/dto/sign-in.dto';
import { OidcAuthorizationDto, OidcAuthorizationRequestDto, OidcCallbackDto } from './dto/oidc.dto';
import { OidcService } from './oidc.service';

const unreachable = { status: 502, description: "The organisation's identity provider could not be asked" };

@ApiTags('identity')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Post('authorization')
  @HttpCode(201)
  @Public()
  @LimitPerClientAddress()
  @ApiOperation({ summary: "Start a sign-in at the organisation's own OpenID Connect provider; send the browser to authorizationUrl", security: [] })
  @ApiCreatedResponse({ type: OidcAuthorizationDto })
  @ApiResponse(unreachable)
  authorization(@Body() dto: OidcAuthorizationRequestDto): Promise<OidcAuthorizationDto> {
    return this.oidc.authorization(dto.organisationId, dto.redirectUri);
  }

  @Post('callback')
  @HttpCode(201)
  @Public()
  @ApiOperation({ summary: 'Finish a sign-in with the URL the provider sent the browser back to; answers as POST /auth/sign-in does', security: [] })
  @ApiCreatedResponse({ type: SignedInDto })
  @ApiResponse({ status: 403, description: 'The provider named no verified e-mail, or none of a person of the organisation' })
  @ApiResponse(unreachable)
  callback(@Body() dto: OidcCallbackDto): Promise<SignedInDto> {
    return this.oidc.callback(dto.flowId, dto.callbackUrl);
  }
}
