import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import type { DeadlineEscalation } from '@tradelane/contracts';

export const ESCALATIONS: DeadlineEscalation[] = ['next-candidate', 'ask-buyer', 'cancel'];

export class PartyTermsDto {
  @ApiProperty({ example: 86400, description: 'how long the party has to answer' })
  @IsInt()
  @Min(1)
  @Max(90 * 86400)
  answerWithinSeconds: number;

  @ApiProperty({ example: 14400, description: 'the reminder goes this long before the deadline; 0 for none' })
  @IsInt()
  @Min(0)
  @Max(90 * 86400)
  remindBeforeSeconds: number;

  @ApiProperty({ enum: ESCALATIONS, description: 'at the deadline: ask the next supplier or carrier, ask the buyer, or cancel' })
  @IsIn(ESCALATIONS)
  onDeadline: DeadlineEscalation;
}
