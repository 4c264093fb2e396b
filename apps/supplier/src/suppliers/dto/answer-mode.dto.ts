import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { AnswerMode } from '../supplier.entity';

export class AnswerModeDto {
  @ApiProperty({ enum: ['automatic', 'manual'], description: 'automatic: answer from stock data; manual: wait for a person' })
  @IsIn(['automatic', 'manual'])
  answerMode: AnswerMode;
}

export class InquiryFilterDto {
  @ApiProperty({ enum: ['open', 'answered'], required: false })
  @IsOptional()
  @IsIn(['open', 'answered'])
  status?: 'open' | 'answered';
}
