import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class PayerAccountDto {
  @ApiProperty({ description: 'What the buyer may have paid and not had refunded, in minor units', example: 100000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  creditLimitMinor: number;

  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;
}
