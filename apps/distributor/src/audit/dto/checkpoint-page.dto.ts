import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHECKPOINT_PAGE_LIMIT } from '../checkpoints/checkpoint.service';

export class CheckpointPageDto {
  @ApiPropertyOptional({ description: 'the checkpoints after this sequence (the last of the page before)', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ description: 'page size', minimum: 1, maximum: CHECKPOINT_PAGE_LIMIT, default: CHECKPOINT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CHECKPOINT_PAGE_LIMIT)
  limit?: number;
}
