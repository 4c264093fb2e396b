import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** The distributor's own record of an order: taken in (`submitted`), then how it ended. */
export const ORDER_ROW_STATUSES = ['submitted', 'completed', 'cancelled'] as const;
export type OrderRowStatus = (typeof ORDER_ROW_STATUSES)[number];

/**
 * What the list can be ordered by: what the stored row has (when it was taken in, when it is
 * wanted by). A leading `-` is newest (latest) first. The order's total is not on the row: it is
 * the workflow's, from the confirmation.
 */
export const ORDER_SORTS = ['-createdAt', 'createdAt', '-wantedBy', 'wantedBy'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export const ORDER_PAGE_DEFAULT_LIMIT = 50;
export const ORDER_PAGE_MAX_LIMIT = 200;

/** `status=a&status=b` and `status=a,b` alike. */
const asList = ({ value }: { value: unknown }): unknown =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));

export class OrderFilterDto {
  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: ORDER_PAGE_MAX_LIMIT, default: ORDER_PAGE_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ORDER_PAGE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the nextCursor of the page before, with the same sort' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be a nextCursor this list handed out (base64url)' })
  cursor?: string;

  @ApiPropertyOptional({ example: 'muster-maschinenbau', description: "Only this buyer's orders (a buyer sees only its own anyway)" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  buyerId?: string;

  @ApiPropertyOptional({
    enum: ORDER_ROW_STATUSES,
    isArray: true,
    description: 'One or more: `status=submitted&status=cancelled` (or comma-separated)',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(ORDER_ROW_STATUSES.length)
  @IsIn(ORDER_ROW_STATUSES, { each: true })
  status?: OrderRowStatus[];

  @ApiPropertyOptional({ description: 'Taken in at or after (ISO 8601 date or date-time)', example: '2030-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 40)
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Taken in at or before (ISO 8601; a date alone includes that whole day, UTC)', example: '2030-01-31T23:59:59Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 40)
  createdTo?: string;

  @ApiPropertyOptional({
    description:
      "Free text: an order id (or its beginning), a SKU on one of the order's lines (whole SKU, any case), " +
      "or part of the buyer's reference (the idempotency key, e.g. a PO number)",
    example: 'BOLT-M8',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: ORDER_SORTS, default: '-createdAt', description: 'A leading - is descending; ties go by order id' })
  @IsOptional()
  @IsIn(ORDER_SORTS)
  sort?: OrderSort;
}

/** One row of the list: the order as taken in, without its lines. */
export class OrderSummaryDto {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty()
  buyerId: string;

  @ApiProperty({ nullable: true, type: String, description: "The buyer's reference: the idempotency key it sent (e.g. a PO number)" })
  idempotencyKey: string | null;

  @ApiProperty({ enum: ORDER_ROW_STATUSES })
  status: OrderRowStatus;

  @ApiProperty({ format: 'date-time', description: 'When the order was taken in (what createdFrom, createdTo and sort=createdAt read)' })
  submittedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ format: 'date', example: '2030-01-31' })
  wantedBy: string;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ minimum: 1 })
  lineCount: number;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The order whose partial fill this back-order completes' })
  backOrderOf: string | null;
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderSummaryDto] })
  items: OrderSummaryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
