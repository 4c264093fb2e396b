import { Body, Controller, Get, HttpCode, Param, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Public, Roles } from '../auth/decorators';
import { bigintToNumber } from '../database/bigint.transformer';
import { buildApiDocument } from './openapi';
import { OptionalField } from './optional';
import { patternParam, uuidParam } from './params';

class SpecLineDto {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z][A-Z0-9-]*$/)
  sku: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(10)
  quantity: number;
}

class SpecThingDto {
  @ApiProperty()
  @IsIn(['a', 'b'])
  kind: string;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @Length(1, 100)
  note?: string;

  @ApiProperty({ type: [SpecLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => SpecLineDto)
  lines: SpecLineDto[];

  @ApiProperty()
  @IsDateString({ strict: true })
  @Length(10, 10)
  wantedBy: string;

  @ApiProperty()
  @IsISO4217CurrencyCode()
  currency: string;
}

@Entity({ name: 'spec_rows' })
class SpecRow {
  @PrimaryColumn({ type: 'uuid' })
  rowId: string;

  @PrimaryGeneratedColumn('identity')
  seq: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountMinor: number;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}

@Controller('things')
class SpecThingsController {
  @Get('rows')
  @Roles('auditor')
  @ApiOkResponse({ type: SpecRow, isArray: true })
  rows() {
    return [];
  }

  @Get('open')
  @Public()
  open() {
    return { ok: true };
  }

  @Get(':thingId')
  @Roles('buyer')
  get(@Param('thingId', uuidParam('thingId')) thingId: string) {
    return { thingId };
  }

  @Get('by-code/:code')
  @Roles('buyer', 'auditor')
  byCode(@Param('code', patternParam('code', /^[a-z]{3}$/, 'three letters')) code: string) {
    return { code };
  }

  @Post()
  @HttpCode(200)
  @Roles('buyer')
  create(@Body() body: SpecThingDto) {
    return body;
  }
}

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  type Json = Record<string, unknown> & { [key: string]: Json & unknown };
  const schema = (name: string) => document.components!.schemas![name] as Json;
  const operation = (path: string, method: 'get' | 'post') => (document.paths[path] as Json)[method];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [SpecThingsController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    document = buildApiDocument(app, { title: 'spec', description: 'spec' });
  });

  afterAll(() => app.close());

  it('carries the limits the validators enforce, and refuses unknown fields', () => {
    const thing = schema('SpecThingDto');
    expect(thing.additionalProperties).toBe(false);
    expect([...(thing.required as unknown as string[])].sort()).toEqual(['currency', 'kind', 'lines', 'wantedBy']);
    expect(thing.properties.kind.enum).toEqual(['a', 'b']);
    expect(thing.properties.note).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(thing.properties.lines).toMatchObject({ type: 'array', minItems: 1, maxItems: 5 });
    expect(thing.properties.wantedBy).toMatchObject({ type: 'string', format: 'date' });
    expect(thing.properties.currency.enum).toContain('EUR');
    expect(thing.properties.currency.enum).not.toContain('ABC');
    const line = schema('SpecLineDto');
    expect(line.properties.sku).toMatchObject({ type: 'string', maxLength: 64, pattern: '^[A-Z][A-Z0-9-]*$' });
    expect(line.properties.quantity).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });
  });

  it('gives path parameters the checks of their pipes', () => {
    expect(operation('/things/{thingId}', 'get').parameters[0].schema).toMatchObject({ type: 'string', format: 'uuid' });
    expect(operation('/things/by-code/{code}', 'get').parameters[0].schema).toMatchObject({ pattern: '^[a-z]{3}$' });
  });

  it('documents every error an operation can answer as problem details', () => {
    const get = operation('/things/{thingId}', 'get');
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '403', '404', '429', '500']);
    expect(get.responses['401'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
    expect(get.responses['429'].headers['Retry-After'].required).toBe(true);
    expect(get.description).toContain('Roles: buyer.');
    const post = operation('/things', 'post');
    expect(Object.keys(post.responses).sort()).toEqual(['200', '400', '401', '403', '409', '413', '422', '429', '500']);
    expect(post.responses['200'].content['application/json']).toBeDefined();
  });

  it('documents a stored row from its columns', () => {
    expect(operation('/things/rows', 'get').responses['200'].content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/SpecRow' },
    });
    expect(schema('SpecRow')).toEqual({
      type: 'object',
      properties: {
        rowId: { type: 'string', format: 'uuid' },
        seq: { type: 'integer' },
        amountMinor: { type: 'integer' },
        doneAt: { type: 'string', format: 'date-time', nullable: true },
      },
      required: ['rowId', 'seq', 'amountMinor', 'doneAt'],
    });
  });

  it('marks public routes as needing no token', () => {
    const open = operation('/things/open', 'get');
    expect(open.security).toEqual([]);
    expect(Object.keys(open.responses).sort()).toEqual(['200', '500']);
  });
});
