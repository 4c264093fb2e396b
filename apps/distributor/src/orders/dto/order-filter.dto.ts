import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class OrderFilterDto {
  @ApiPropertyOptional({ example: 'muster-maschinenbau' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  buyerId?: string;

  @ApiPropertyOptional({ enum: ['submitted', 'completed', 'cancelled'] })
  @IsOptional()
  @IsIn(['submitted', 'completed', 'cancelled'])
  status?: string;
}
