import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class TransportRejectionDto {
  @ApiProperty({ description: "Who at the carrier's desk rejects the shipment", example: 'desk.omar' })
  @IsString()
  @Length(1, 100)
  rejectedBy: string;

  @ApiProperty({ description: 'Why the carrier will not take it', example: 'no truck free on the pickup date' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
