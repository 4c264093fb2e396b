import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_ROLES, type OrganisationRole, OptionalField } from '@tradelane/platform';

export class CreateOrganisationDto {
  @ApiProperty({
    description: 'the id orders and messages name this party by (a buyerId, supplier id or carrier id)',
    example: 'muster-maschinenbau',
    pattern: '^[a-z0-9][a-z0-9-]*$',
    maxLength: 64,
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'id must be lower-case letters, digits and dashes' })
  id: string;

  @ApiProperty({ enum: ORGANISATION_ROLES })
  @IsIn(ORGANISATION_ROLES)
  role: OrganisationRole;

  @ApiProperty({ example: 'Muster Maschinenbau GmbH', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class CreateApiKeyDto {
  @ApiPropertyOptional({ description: 'what the key is for, to tell keys apart', example: 'erp integration', maxLength: 200 })
  @OptionalField()
  @IsString()
  @MaxLength(200)
  label?: string;
}

export class OrganisationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORGANISATION_ROLES }) role: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: Date | null;
}

export class IssuedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'shown once: the platform keeps only its hash' })
  apiKey: string;
}
