import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalField } from '@tradelane/platform';

/**
 * An http(s) URL by its scheme only; the service parses it and says what is wrong with it (class-
 * validator's IsUrl refuses names that URL parsers and the documented schema accept).
 */
const HTTP_URL = /^https?:\/\/\S+$/i;
const httpUrl = (field: string) => Matches(HTTP_URL, { message: `${field} must be an http(s) URL` });

export class IdentityProviderSettingsDto {
  @ApiProperty({ description: 'the OpenID Connect issuer; https, or http on a loopback address', example: 'https://login.kessler.example/realms/staff', pattern: HTTP_URL.source, maxLength: 500 })
  @IsString()
  @httpUrl('issuer')
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
  @ApiProperty({ example: 'kessler-antriebe', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'organisationId must be lower-case letters, digits and dashes' })
  organisationId: string;

  @ApiProperty({ description: 'where the provider sends the browser back; registered with the provider', example: 'https://console.example/auth/callback', pattern: HTTP_URL.source, maxLength: 2000 })
  @IsString()
  @httpUrl('redirectUri')
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

  @ApiProperty({ description: 'the whole URL the provider sent the browser back to, with its code and state', pattern: HTTP_URL.source, maxLength: 4000 })
  @IsString()
  @httpUrl('callbackUrl')
  @MaxLength(4000)
  callbackUrl: string;
}
