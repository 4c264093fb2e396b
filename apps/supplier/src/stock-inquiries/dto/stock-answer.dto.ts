import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  IsString,
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

export class StockAnswerDto {
  @ApiProperty({ description: 'Who at the supplier answers', example: 'clerk.anna' })
  @IsString()
  @Length(1, 100)
  answeredBy: string;

  @ApiProperty({ type: [StockAnswerLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => StockAnswerLineDto)
  lines: StockAnswerLineDto[];
}
