import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Who asks is not part of the body: it is the caller's actor, from the token. */
export class CancelOrderDto {
  @ApiProperty({ example: 'project postponed' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
