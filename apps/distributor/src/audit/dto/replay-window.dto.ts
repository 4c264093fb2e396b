import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class ReplayWindowDto {
  @ApiProperty({ example: '2026-11-25T00:00:00Z', description: 'orders whose workflow closed at or after this instant' })
  @IsISO8601({ strict: true })
  closedAfter: string;

  @ApiProperty({ example: '2026-11-26T00:00:00Z', description: 'orders whose workflow closed at or before this instant' })
  @IsISO8601({ strict: true })
  closedBefore: string;
}
