import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalField } from '@tradelane/platform';

export class StockAnswerLineDto {
  @ApiProperty({ description: 'Line number of the stock inquiry this answers', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  lineNo: number;

  @ApiProperty({ description: 'Quantity the supplier commits; 0 means not available', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  quantityCommitted: number;

  @ApiPropertyOptional({ description: 'Unit price in minor units; defaults to the catalogue price' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  unitPriceMinor?: number;

  @ApiPropertyOptional({ description: 'Date the goods are ready (YYYY-MM-DD); defaults to today plus lead time' })
  @OptionalField()
  @IsDateString({ strict: true })
  @Length(10, 10)
  readyDate?: string;
}

/** Who answers is not part of the body: it is the caller's actor, from the token. */
export class StockAnswerDto {
  @ApiProperty({ type: [StockAnswerLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => StockAnswerLineDto)
  lines: StockAnswerLineDto[];
}
