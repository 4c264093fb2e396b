import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class StuckFilterDto {
  @ApiPropertyOptional({ enum: ['open', 'retried', 'resolved-manually'] })
  @IsOptional()
  @IsIn(['open', 'retried', 'resolved-manually'])
  status?: 'open' | 'retried' | 'resolved-manually';
}
