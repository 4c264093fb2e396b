import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { INQUIRY_STATUSES, type InquiryStatus } from '../stock-inquiry.entity';

export class InquiryFilterDto {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;
}

export class InquiryListFilterDto extends InquiryFilterDto {
  @ApiPropertyOptional({ description: 'Only inquiries addressed to this supplier', example: 'acme-steel' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  supplierId?: string;
}
