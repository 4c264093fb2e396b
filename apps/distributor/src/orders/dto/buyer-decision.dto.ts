import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Who decides is not part of the body: it is the caller's actor, from the token. */
export class BuyerDecisionDto {
  @ApiProperty({ enum: ['wait', 'cancel'], description: 'give the late party another period, or cancel the order' })
  @IsIn(['wait', 'cancel'])
  decision: 'wait' | 'cancel';
}
