import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalField } from '@tradelane/platform';

export class CompensationResolutionDto {
  @ApiProperty({ enum: ['retry', 'resolved-manually'], description: 'run the compensation again, or record that it was done by hand' })
  @IsIn(['retry', 'resolved-manually'])
  resolution: 'retry' | 'resolved-manually';

  @ApiProperty({ example: 'ops.jane' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  resolvedBy: string;

  @ApiPropertyOptional({ example: 'refund sent by bank transfer, ref 88121' })
  @OptionalField()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
