import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsIn,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PARTIAL_FILL_POLICIES, type PartialFillPolicy } from '@tradelane/contracts';
import { MAX_IDEMPOTENCY_KEY_LENGTH, MAX_LINES_PER_ORDER } from '../intake-limits';
import { OptionalField } from '@tradelane/platform';

export class AddressDto {
  @ApiProperty({ example: 'Muster Maschinenbau GmbH, Goods In', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Industriestr. 5', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalField()
  @IsString()
  @MaxLength(200)
  line2?: string;

  @ApiProperty({ example: 'Köln', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: '50667', maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @MaxLength(2)
  @IsISO31661Alpha2()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an upper-case ISO 3166-1 code such as DE' })
  country: string;
}

export class PurchaseOrderLineDto {
  @ApiProperty({ example: 'BOLT-M8', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z0-9][A-Z0-9._-]*$/, { message: 'sku must be upper-case letters, digits, dot, dash or underscore' })
  sku: string;

  @ApiProperty({ example: 500, minimum: 1, maximum: 10_000_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  quantity: number;

  @ApiPropertyOptional({ description: 'Highest acceptable unit price, in minor units of the order currency' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  priceCeilingMinor?: number;
}

/** Step 1: what procurement submits. */
export class PurchaseOrderDto {
  @ApiProperty({ example: 'muster-maschinenbau', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'buyerId must be lower-case letters, digits and dashes' })
  buyerId: string;

  @ApiProperty({ type: [PurchaseOrderLineDto], maxItems: MAX_LINES_PER_ORDER })
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(MAX_LINES_PER_ORDER, { message: `lines must hold at most ${MAX_LINES_PER_ORDER} lines` })
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineDto)
  lines: PurchaseOrderLineDto[];

  @ApiProperty({ type: AddressDto })
  @IsDefined({ message: 'shipTo is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  shipTo: AddressDto;

  @ApiProperty({ example: '2026-12-15', description: 'Date the goods are wanted by (YYYY-MM-DD)' })
  @MaxLength(10)
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'wantedBy must be a date as YYYY-MM-DD' })
  wantedBy: string;

  @ApiProperty({ example: 'EUR' })
  @MaxLength(3)
  @IsISO4217CurrencyCode()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({
    enum: PARTIAL_FILL_POLICIES,
    default: 'cancel',
    description: 'What to do when a supplier commits less than asked: accept the partial order, back-order the rest, or cancel',
  })
  @OptionalField()
  @IsIn(PARTIAL_FILL_POLICIES)
  partialFill?: PartialFillPolicy;

  @ApiPropertyOptional({
    maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
    description: 'Same key and body returns the first order instead of a second one; the Idempotency-Key header does the same',
  })
  @OptionalField()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_IDEMPOTENCY_KEY_LENGTH)
  idempotencyKey?: string;
}

/** The `order` part of a CSV upload: everything but the lines, which come from the file. */
export class PurchaseOrderTermsDto extends OmitType(PurchaseOrderDto, ['lines'] as const) {}

/** A purchase order as the service takes it, once its shape is checked. */
export type PurchaseOrderInput = Pick<
  PurchaseOrderDto,
  'buyerId' | 'lines' | 'shipTo' | 'wantedBy' | 'currency' | 'partialFill' | 'idempotencyKey'
>;
export type PurchaseOrderTerms = Omit<PurchaseOrderInput, 'lines'>;
