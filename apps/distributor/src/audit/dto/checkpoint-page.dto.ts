import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHECKPOINT_PAGE_LIMIT } from '../checkpoints/checkpoint.service';

const SEQUENCE_MAX = 2_147_483_647;

export class CheckpointPageDto {
  /** sequence is a PostgreSQL integer: a larger after is refused here, not by the database as a 500. */
  @ApiPropertyOptional({ description: 'the checkpoints after this sequence (the last of the page before)', minimum: 0, maximum: SEQUENCE_MAX, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SEQUENCE_MAX)
  after?: number;

  @ApiPropertyOptional({ description: 'page size', minimum: 1, maximum: CHECKPOINT_PAGE_LIMIT, default: CHECKPOINT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CHECKPOINT_PAGE_LIMIT)
  limit?: number;
}
