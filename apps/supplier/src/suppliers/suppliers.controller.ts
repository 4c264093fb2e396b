import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StockInquiriesService } from '../stock-inquiries/stock-inquiries.service';
import { AnswerModeDto, InquiryFilterDto } from './dto/answer-mode.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly inquiries: StockInquiriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Suppliers on this service, with how each answers stock inquiries' })
  list() {
    return this.suppliers.list();
  }

  @Put(':supplierId/answer-mode')
  @ApiOperation({ summary: 'Answer stock inquiries automatically from stock data, or wait for a person' })
  setAnswerMode(@Param('supplierId') supplierId: string, @Body() body: AnswerModeDto) {
    return this.suppliers.setAnswerMode(supplierId, body.answerMode);
  }

  @Get(':supplierId/stock')
  @ApiOperation({ summary: "The supplier's stock on hand and prices" })
  stock(@Param('supplierId') supplierId: string) {
    return this.suppliers.stockOf(supplierId);
  }

  @Get(':supplierId/stock-inquiries')
  @ApiOperation({ summary: 'Stock inquiries (step 2) addressed to this supplier' })
  async stockInquiries(@Param('supplierId') supplierId: string, @Query() filter: InquiryFilterDto) {
    await this.suppliers.get(supplierId);
    return this.inquiries.list(supplierId, filter.status);
  }

  @Get(':supplierId/dispatch-notices')
  @ApiOperation({ summary: 'Dispatch notices (step 6) addressed to this supplier' })
  dispatchNotices(@Param('supplierId') supplierId: string) {
    return this.suppliers.dispatchNoticesOf(supplierId);
  }
}
