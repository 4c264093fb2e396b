import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ANSWER_MODES, type AnswerMode } from '@tradelane/contracts';

export class AnswerModeDto {
  @ApiProperty({ enum: ANSWER_MODES, description: 'automatic: answer from stock data; manual: wait for a person' })
  @IsIn(ANSWER_MODES)
  answerMode: AnswerMode;
}
