import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_ROLES, PERSON_ROLES } from '@tradelane/platform';
import { PASSWORD_MAX } from '../password';

export class SignInDto {
  @ApiProperty({ example: 'anna.berg@muster.example', minLength: 1, maxLength: 254 })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class SessionTokenRequestDto {
  @ApiProperty({ description: 'the session token sign-in answered', example: 'tls_0123456789abcdef_…', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sessionToken: string;
}

export class SignedInPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PERSON_ROLES }) role: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: ORGANISATION_ROLES }) organisationRole: string;
}

export class SignedInDto {
  @ApiProperty({ description: 'keep it secret (an HttpOnly cookie); trade it at POST /auth/session-token' })
  sessionToken: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ type: SignedInPersonDto })
  person: SignedInPersonDto;
}

export class PersonAccessTokenDto {
  @ApiProperty({ description: 'send it as "Authorization: Bearer <accessToken>" to any Tradelane service' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: String, format: 'date-time' })
  sessionExpiresAt: Date;

  @ApiProperty({ type: SignedInPersonDto })
  person: SignedInPersonDto;
}
