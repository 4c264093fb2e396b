import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalField } from '@tradelane/platform';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class IdentityProviderSettingsDto {
  @ApiProperty({ description: 'the OpenID Connect issuer; https, or http on a loopback address', example: 'https://login.muster.example/realms/staff', maxLength: 500 })
  @IsUrl(URL_OPTIONS, { message: 'issuer must be an http(s) URL' })
  @MaxLength(500)
  issuer: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  clientId: string;

  @ApiProperty({ description: 'kept to present at the code exchange; never shown again', minLength: 1, maxLength: 500, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientSecret: string;

  @ApiPropertyOptional({ description: 'add an unknown e-mail as a member at its first sign-in (default: refuse it)', default: false })
  @OptionalField()
  @IsBoolean()
  createPeople?: boolean;
}

export class IdentityProviderDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty() createPeople: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class OidcAuthorizationRequestDto {
  @ApiProperty({ example: 'muster-maschinenbau', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'organisationId must be lower-case letters, digits and dashes' })
  organisationId: string;

  @ApiProperty({ description: 'where the provider sends the browser back; registered with the provider', example: 'https://console.example/auth/callback', maxLength: 2000 })
  @IsUrl(URL_OPTIONS, { message: 'redirectUri must be an http(s) URL' })
  @MaxLength(2000)
  redirectUri: string;
}

export class OidcAuthorizationDto {
  @ApiProperty({ description: 'send the browser here' })
  authorizationUrl: string;

  @ApiProperty({ format: 'uuid', description: 'give it back with the callback, within 10 minutes' })
  flowId: string;
}

export class OidcCallbackDto {
  @ApiProperty({ format: 'uuid' })
  @IsString()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'flowId must be a UUID' })
  flowId: string;

  @ApiProperty({ description: 'the whole URL the provider sent the browser back to, with its code and state', maxLength: 4000 })
  @IsUrl(URL_OPTIONS, { message: 'callbackUrl must be an http(s) URL' })
  @MaxLength(4000)
  callbackUrl: string;
}
