import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { AnswerMode } from '../carrier.entity';

export class AnswerModeDto {
  @ApiProperty({ enum: ['automatic', 'manual'], description: 'automatic: quote from rate cards and accept bookings; manual: wait for a person' })
  @IsIn(['automatic', 'manual'])
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
