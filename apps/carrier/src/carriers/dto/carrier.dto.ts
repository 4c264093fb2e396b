import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ANSWER_MODES, type AnswerMode } from '@tradelane/contracts';
import { SHIPPING_INQUIRY_STATUSES, type ShippingInquiryStatus } from '../../shipping-inquiries/shipping-inquiry.entity';
import { TRANSPORT_NOTICE_STATUSES, type TransportNoticeStatus } from '../../transport-notices/transport-notice.entity';

export class AnswerModeDto {
  @ApiProperty({ enum: ANSWER_MODES, description: 'automatic: quote from rate cards and accept bookings; manual: wait for a person' })
  @IsIn(ANSWER_MODES)
  answerMode: AnswerMode;
}

export class ShippingInquiryFilterDto {
  @ApiProperty({ enum: SHIPPING_INQUIRY_STATUSES, required: false })
  @IsOptional()
  @IsIn(SHIPPING_INQUIRY_STATUSES)
  status?: ShippingInquiryStatus;
}

export class TransportNoticeFilterDto {
  @ApiProperty({ enum: TRANSPORT_NOTICE_STATUSES, required: false })
  @IsOptional()
  @IsIn(TRANSPORT_NOTICE_STATUSES)
  status?: TransportNoticeStatus;
}
