import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LimitPerClientAddress, Public } from '@tradelane/platform';
import { AccountLocked } from './account-locked';
import { PersonAccessTokenDto, SessionTokenRequestDto, SignedInDto, SignInDto } from './dto/sign-in.dto';
import { SessionsService } from './sessions.service';
import { PasswordSignInService } from './sign-in.service';

@ApiTags('identity')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly passwords: PasswordSignInService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('sign-in')
  @HttpCode(201)
  @Public()
  @LimitPerClientAddress()
  @ApiOperation({ summary: 'Sign in as a person with e-mail and password; answers a session token', security: [] })
  @ApiCreatedResponse({ type: SignedInDto })
  @ApiResponse({ status: 423, description: 'Locked after too many wrong passwords; Retry-After says for how long, lockedUntil until when' })
  async signIn(@Body() dto: SignInDto, @Res({ passthrough: true }) response: Response): Promise<SignedInDto> {
    try {
      return await this.passwords.signIn(dto.email, dto.password);
    } catch (error) {
      if (error instanceof AccountLocked) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  // Not limited per client address: the console's server calls it for every signed-in person.
  @Post('session-token')
  @HttpCode(201)
  @Public()
  @ApiOperation({ summary: "Trade a session token for a short-lived access token acting as the session's person", security: [] })
  @ApiCreatedResponse({ type: PersonAccessTokenDto })
  accessToken(@Body() dto: SessionTokenRequestDto): Promise<PersonAccessTokenDto> {
    return this.sessions.accessToken(dto.sessionToken);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'End a session; answers the same for a session that was unknown or already over', security: [] })
  @ApiNoContentResponse()
  async signOut(@Body() dto: SessionTokenRequestDto): Promise<void> {
    await this.sessions.signOut(dto.sessionToken);
  }
}
