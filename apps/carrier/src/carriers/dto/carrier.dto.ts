import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ANSWER_MODES, type AnswerMode } from '@tradelane/contracts';

export class AnswerModeDto {
  @ApiProperty({ enum: ANSWER_MODES, description: 'automatic: quote from rate cards and accept bookings; manual: wait for a person' })
  @IsIn(ANSWER_MODES)
  answerMode: AnswerMode;
}

export class ShippingInquiryFilterDto {
  @ApiProperty({ enum: ['open', 'quoted'], required: false })
  @IsOptional()
  @IsIn(['open', 'quoted'])
  status?: 'open' | 'quoted';
}

export class TransportNoticeFilterDto {
  @ApiProperty({ enum: ['open', 'accepted'], required: false })
  @IsOptional()
  @IsIn(['open', 'accepted'])
  status?: 'open' | 'accepted';
}
