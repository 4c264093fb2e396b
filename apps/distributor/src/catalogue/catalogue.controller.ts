import { Controller, Get } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { Roles } from '@tradelane/platform';
import { CatalogueItem } from './catalogue-item.entity';

@ApiTags('catalogue')
@Controller('catalogue')
export class CatalogueController {
  constructor(@InjectRepository(CatalogueItem) private readonly items: Repository<CatalogueItem>) {}

  @Get()
  @Roles('buyer', 'auditor', 'operator')
  @ApiOperation({ summary: 'SKUs a purchase order may contain' })
  @ApiOkResponse({ type: CatalogueItem, isArray: true })
  list() {
    return this.items.find({ order: { sku: 'ASC' } });
  }
}
