import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class TokenRequestDto {
  @ApiProperty({ description: 'an API key the platform issued to your organisation', example: 'tl_0123456789abcdef_…', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  apiKey: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'send it as "Authorization: Bearer <accessToken>" to any Tradelane service' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'seconds until the token expires' })
  expiresIn: number;

  @ApiProperty()
  organisationId: string;

  @ApiProperty({ enum: ['buyer', 'supplier', 'carrier', 'payment-gateway', 'auditor', 'operator'] })
  role: string;
}
