import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CancelOrderDto {
  @ApiProperty({ example: 'procurement.maria' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  requestedBy: string;

  @ApiProperty({ example: 'project postponed' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
