import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OptionalField } from '@tradelane/platform';
import { EDI_STANDARDS, OUTBOUND_KINDS, type OutboundKind } from '../edi-kinds';
import type { EdiStandard } from '../entities/trading-partner.entity';

export class X12IdentityDto {
  @ApiProperty({ description: 'ISA05/ISA07: the interchange id qualifier (ZZ mutually defined, 01 DUNS, …)', example: 'ZZ', pattern: '^[0-9A-Z]{2}$' })
  @IsString()
  @Matches(/^[0-9A-Z]{2}$/, { message: 'isaQualifier must be two upper-case letters or digits' })
  isaQualifier: string;

  @ApiProperty({ description: 'ISA06/ISA08: the interchange id, at most 15 characters', example: 'MUSTERMB', pattern: '^[A-Z0-9][A-Z0-9._-]{0,14}$' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,14}$/, { message: 'isaId must be 1 to 15 upper-case letters, digits, dot, dash or underscore' })
  isaId: string;

  @ApiProperty({ description: 'GS02/GS03: the application id, 2 to 15 characters', example: 'MUSTERMB', pattern: '^[A-Z0-9][A-Z0-9._-]{1,14}$' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,14}$/, { message: 'gsId must be 2 to 15 upper-case letters, digits, dot, dash or underscore' })
  gsId: string;

  @ApiPropertyOptional({ description: "a carrier's SCAC (B202 of the 204 load tenders it is sent); the first four characters of isaId when not given", example: 'RHFR', pattern: '^[A-Z]{2,4}$' })
  @OptionalField()
  @IsString()
  @Matches(/^[A-Z]{2,4}$/, { message: 'scac must be 2 to 4 upper-case letters' })
  scac?: string;
}

export class EdifactIdentityDto {
  @ApiProperty({ description: 'UNB S002/S003: the interchange id', example: '4012345000009', pattern: '^[A-Z0-9][A-Z0-9._-]{0,34}$' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,34}$/, { message: 'unbId must be 1 to 35 upper-case letters, digits, dot, dash or underscore' })
  unbId: string;

  @ApiPropertyOptional({ description: 'its code qualifier (14 GS1, ZZZ mutually defined, …)', example: '14', pattern: '^[A-Z0-9]{1,4}$' })
  @OptionalField()
  @IsString()
  @Matches(/^[A-Z0-9]{1,4}$/, { message: 'unbQualifier must be 1 to 4 upper-case letters or digits' })
  unbQualifier?: string;
}

export class CxmlIdentityDto {
  @ApiProperty({ description: 'the From/Sender credential domain', example: 'NetworkID', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'domain must be 1 to 64 letters, digits, dot, dash or underscore' })
  domain: string;

  @ApiProperty({ description: 'the From/Sender credential identity', example: 'AN01000000001', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'identity must be 1 to 100 letters, digits, dot, dash, underscore or @' })
  identity: string;

  @ApiPropertyOptional({
    description: "the Sender's SharedSecret; kept only as a hash and never returned. Required when the profile is first set; left out, the stored one stays",
    minLength: 12,
    maxLength: 200,
    writeOnly: true,
  })
  @OptionalField()
  @IsString()
  @Length(12, 200)
  sharedSecret?: string;
}

/**
 * One character of U+0001–U+00FF that is not an ASCII letter or digit, nor white space: the same
 * set here and in the OpenAPI pattern, which counts characters by code point where this regex
 * without the u flag counts UTF-16 units, so nothing beyond U+FFFF may fit the one and not the other.
 */
// eslint-disable-next-line no-control-regex -- EDI separators may be control characters (U+001C–U+001F are common)
const SEPARATOR = /^[\u0001-\u0008\u000E-\u001F!-/:-@[-`{-~\u007F-\u009F\u00A1-\u00FF]$/;
const SEPARATOR_RULE = 'must be one character of U+0001–U+00FF that is not a letter, digit or white space';

export class SeparatorsDto {
  @ApiPropertyOptional({ description: 'X12 element separator (ISA04 position) or EDIFACT data element separator', example: '*', minLength: 1, maxLength: 1, pattern: SEPARATOR.source })
  @OptionalField()
  @IsString()
  @Matches(SEPARATOR, { message: `element ${SEPARATOR_RULE}` })
  element?: string;

  @ApiPropertyOptional({ description: 'X12 ISA16 component separator or EDIFACT component separator', example: '>', minLength: 1, maxLength: 1, pattern: SEPARATOR.source })
  @OptionalField()
  @IsString()
  @Matches(SEPARATOR, { message: `component ${SEPARATOR_RULE}` })
  component?: string;

  @ApiPropertyOptional({ description: 'X12 005010 ISA11 repetition separator', example: '^', minLength: 1, maxLength: 1, pattern: SEPARATOR.source })
  @OptionalField()
  @IsString()
  @Matches(SEPARATOR, { message: `repetition ${SEPARATOR_RULE}` })
  repetition?: string;

  @ApiPropertyOptional({ description: 'segment terminator', example: '~', minLength: 1, maxLength: 1, pattern: SEPARATOR.source })
  @OptionalField()
  @IsString()
  @Matches(SEPARATOR, { message: `segment ${SEPARATOR_RULE}` })
  segment?: string;
}

/** What an operator sets for an organisation that exchanges documents. */
export class TradingPartnerDto {
  @ApiProperty({ enum: EDI_STANDARDS })
  @IsIn(EDI_STANDARDS)
  standard: EdiStandard;

  @ApiProperty({ description: 'x12: 004010 or 005010; edifact: D96A; cxml: 1.2.0xx', example: '004010', maxLength: 10 })
  @IsString()
  @Matches(/^(004010|005010|D96A|1\.2\.0\d\d)$/, { message: 'version must be 004010 or 005010 (x12), D96A (edifact) or 1.2.0xx (cxml)' })
  version: string;

  @ApiPropertyOptional({ type: X12IdentityDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => X12IdentityDto)
  x12?: X12IdentityDto;

  @ApiPropertyOptional({ type: EdifactIdentityDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => EdifactIdentityDto)
  edifact?: EdifactIdentityDto;

  @ApiPropertyOptional({ type: CxmlIdentityDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => CxmlIdentityDto)
  cxml?: CxmlIdentityDto;

  @ApiPropertyOptional({ type: SeparatorsDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => SeparatorsDto)
  separators?: SeparatorsDto;

  @ApiProperty({ description: 'the documents it wants from Tradelane (a repeat counts once)', enum: OUTBOUND_KINDS, isArray: true, maxItems: OUTBOUND_KINDS.length })
  @IsArray()
  @ArrayMaxSize(OUTBOUND_KINDS.length)
  @IsIn(OUTBOUND_KINDS, { each: true })
  documents: OutboundKind[];

  @ApiPropertyOptional({ description: 'where outbound documents are also pushed (POST, with retries)', example: 'https://edi.example.com/inbox', maxLength: 500 })
  @OptionalField()
  @IsString()
  @MaxLength(500)
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/, { message: 'pushUrl must be an http or https URL' })
  pushUrl?: string;
}

export class CxmlIdentityView {
  @ApiProperty() domain: string;
  @ApiProperty() identity: string;
  @ApiProperty({ description: 'whether a SharedSecret is kept (it is never shown)' }) hasSharedSecret: boolean;
}

export class TradingPartnerView {
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: EDI_STANDARDS }) standard: string;
  @ApiProperty() version: string;
  @ApiPropertyOptional({ type: X12IdentityDto }) x12?: X12IdentityDto;
  @ApiPropertyOptional({ type: EdifactIdentityDto }) edifact?: EdifactIdentityDto;
  @ApiPropertyOptional({ type: CxmlIdentityView }) cxml?: CxmlIdentityView;
  @ApiPropertyOptional({ type: SeparatorsDto, nullable: true }) separators: SeparatorsDto | null;
  @ApiProperty({ enum: OUTBOUND_KINDS, isArray: true }) documents: string[];
  @ApiProperty({ type: String, nullable: true }) pushUrl: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}
