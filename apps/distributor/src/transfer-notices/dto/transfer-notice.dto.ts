import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';

export class MoneyDto {
  @ApiProperty({ description: 'Integer minor units', example: 123456 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ example: 'EUR' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;
}

/** The body of the signed webhook: the transfer notice (step 8) as the gateway sends it. */
export class TransferNoticeDto {
  @ApiProperty({ format: 'uuid', description: 'The same for every delivery of one notice' })
  @IsUUID()
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  transferId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  paymentId: string;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ example: '2030-01-05T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  transferredAt: string;
}
