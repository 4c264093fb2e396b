import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class TransportAcceptanceDto {
  @ApiProperty({ description: "Who at the carrier's desk accepts the shipment", example: 'desk.omar' })
  @IsString()
  @Length(1, 100)
  acceptedBy: string;
}
