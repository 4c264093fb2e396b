import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Who rejects is not part of the body: it is the caller's actor, from the token. */
export class TransportRejectionDto {
  @ApiProperty({ description: 'Why the carrier will not take it', example: 'no truck free on the pickup date' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
