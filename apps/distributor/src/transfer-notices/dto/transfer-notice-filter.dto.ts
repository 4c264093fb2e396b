import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { TRANSFER_NOTICE_EVENT_STATUSES, type TransferNoticeEventStatus } from '../transfer-notice-event.entity';

export class TransferNoticeFilterDto {
  @ApiPropertyOptional({ enum: TRANSFER_NOTICE_EVENT_STATUSES, description: '`refused`: flagged for an operator' })
  @IsOptional()
  @IsIn(TRANSFER_NOTICE_EVENT_STATUSES)
  status?: TransferNoticeEventStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}
