import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_LINES_PER_ORDER = 5000;

export class AddressDto {
  @ApiProperty({ example: 'Muster Maschinenbau GmbH, Goods In' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Industriestr. 5' })
  @IsString()
  @Length(1, 200)
  line1: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 200)
  line2?: string;

  @ApiProperty({ example: 'Köln' })
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ example: '50667' })
  @IsString()
  @Length(1, 20)
  postalCode: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country: string;
}

export class PurchaseOrderLineDto {
  @ApiProperty({ example: 'BOLT-M8' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Z0-9][A-Z0-9._-]*$/, { message: 'sku must be upper-case letters, digits, dot, dash or underscore' })
  sku: string;

  @ApiProperty({ example: 500, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  quantity: number;

  @ApiPropertyOptional({ description: 'Highest acceptable unit price, in minor units of the order currency' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  priceCeilingMinor?: number;
}

/** Step 1: what procurement submits. */
export class PurchaseOrderDto {
  @ApiProperty({ example: 'muster-maschinenbau' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'buyerId must be lower-case letters, digits and dashes' })
  buyerId: string;

  @ApiProperty({ type: [PurchaseOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(MAX_LINES_PER_ORDER)
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
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'wantedBy must be a date as YYYY-MM-DD' })
  wantedBy: string;

  @ApiProperty({ example: 'EUR' })
  @IsISO4217CurrencyCode()
  currency: string;

  @ApiPropertyOptional({ description: 'Same key and body returns the first order instead of a second one' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  idempotencyKey?: string;
}
