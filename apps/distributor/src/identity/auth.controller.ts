import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LimitPerClientAddress, Public } from '@tradelane/platform';
import { AccessTokenDto, TokenRequestDto } from './dto/token-request.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('token')
  @HttpCode(201)
  @Public()
  @LimitPerClientAddress()
  @ApiOperation({ summary: 'Trade an API key for a short-lived access token that every Tradelane service accepts', security: [] })
  @ApiCreatedResponse({ type: AccessTokenDto })
  token(@Body() dto: TokenRequestDto): Promise<AccessTokenDto> {
    return this.identity.exchange(dto.apiKey);
  }
}
