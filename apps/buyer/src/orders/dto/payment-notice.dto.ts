import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO4217CurrencyCode, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { OptionalField } from '@tradelane/platform';

/** Who pays is not part of the body: it is the caller's actor, from the token. */
export class PaymentNoticeDto {
  @ApiProperty({ description: 'Amount paid, in minor units; must equal the amount due', example: 123450 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  amountMinor: number;

  @ApiProperty({ example: 'EUR' })
  @IsISO4217CurrencyCode()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({ description: "The buyer's own payment reference" })
  @OptionalField()
  @IsString()
  @Length(1, 100)
  paymentReference?: string;
}
