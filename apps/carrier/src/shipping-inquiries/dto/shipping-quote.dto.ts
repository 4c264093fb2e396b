import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsISO8601, IsInt, Length, Max, Min } from 'class-validator';
import { OptionalField } from '@tradelane/platform';

/** Who quotes is not part of the body: it is the caller's actor, from the token. */
export class ShippingQuoteDto {
  @ApiPropertyOptional({ description: 'Price in minor units of the order currency; defaults to the rate card' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  priceMinor?: number;

  @ApiPropertyOptional({ description: 'Pickup date (YYYY-MM-DD); defaults to when the goods are ready' })
  @OptionalField()
  @IsDateString({ strict: true })
  @Length(10, 10)
  pickupDate?: string;

  @ApiPropertyOptional({ description: 'Delivery date (YYYY-MM-DD); defaults to pickup plus transit days' })
  @OptionalField()
  @IsDateString({ strict: true })
  @Length(10, 10)
  deliveryDate?: string;

  @ApiPropertyOptional({
    description: 'Until when the quote holds (ISO 8601 date-time, in the future); defaults to the rate card\'s quote hours',
    example: '2030-01-05T17:00:00Z',
  })
  @OptionalField()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 40)
  validUntil?: string;
}
