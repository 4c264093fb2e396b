import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class BuyerDecisionDto {
  @ApiProperty({ enum: ['wait', 'cancel'], description: 'give the late party another period, or cancel the order' })
  @IsIn(['wait', 'cancel'])
  decision: 'wait' | 'cancel';

  @ApiProperty({ example: 'procurement.maria' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  decidedBy: string;
}
