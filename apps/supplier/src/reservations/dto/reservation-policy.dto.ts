import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** Up to 90 days: longer holds would keep stock from other orders for a whole season. */
export const MAX_HOLD_MINUTES = 90 * 24 * 60;

export class ReservationPolicyDto {
  @ApiProperty({
    description: 'How long a positive stock answer holds the committed units, in minutes; 0 holds nothing',
    minimum: 0,
    maximum: MAX_HOLD_MINUTES,
    example: 2880,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_HOLD_MINUTES)
  holdMinutes: number;
}
