import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { OptionalField } from '@tradelane/platform';

/** Who resolves is not part of the body: it is the caller's actor, from the token. */
export class CompensationResolutionDto {
  @ApiProperty({ enum: ['retry', 'resolved-manually'], description: 'run the compensation again, or record that it was done by hand' })
  @IsIn(['retry', 'resolved-manually'])
  resolution: 'retry' | 'resolved-manually';

  @ApiPropertyOptional({ example: 'refund sent by bank transfer, ref 88121' })
  @OptionalField()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
