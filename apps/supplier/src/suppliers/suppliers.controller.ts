import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReservationFilterDto } from '../reservations/dto/reservation-filter.dto';
import { ReservationPolicyDto } from '../reservations/dto/reservation-policy.dto';
import { ReservationsService } from '../reservations/reservations.service';
import { InquiryFilterDto } from '../stock-inquiries/dto/inquiry-filter.dto';
import { StockInquiriesService } from '../stock-inquiries/stock-inquiries.service';
import { AnswerModeDto } from './dto/answer-mode.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly inquiries: StockInquiriesService,
    private readonly reservations: ReservationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Suppliers on this service, with how each answers stock inquiries and how long it holds stock' })
  list() {
    return this.suppliers.list();
  }

  @Put(':supplierId/answer-mode')
  @ApiOperation({ summary: 'Answer stock inquiries automatically from stock data, or wait for a person' })
  setAnswerMode(@Param('supplierId') supplierId: string, @Body() body: AnswerModeDto) {
    return this.suppliers.setAnswerMode(supplierId, body.answerMode);
  }

  @Put(':supplierId/reservation-policy')
  @ApiOperation({ summary: 'How long a positive stock answer holds the committed units; applies to answers from now on' })
  setReservationPolicy(@Param('supplierId') supplierId: string, @Body() body: ReservationPolicyDto) {
    return this.suppliers.setReservationHold(supplierId, body.holdMinutes);
  }

  @Get(':supplierId/stock')
  @ApiOperation({ summary: "The supplier's stock per SKU: on hand, held for orders, available, and price" })
  async stock(@Param('supplierId') supplierId: string) {
    await this.suppliers.get(supplierId);
    return this.reservations.stockOf(supplierId);
  }

  @Get(':supplierId/reservations')
  @ApiOperation({ summary: 'Stock held for orders (and what became of it), by order, inquiry or status' })
  async listReservations(@Param('supplierId') supplierId: string, @Query() filter: ReservationFilterDto) {
    await this.suppliers.get(supplierId);
    return this.reservations.list(supplierId, filter);
  }

  @Get(':supplierId/stock-inquiries')
  @ApiOperation({ summary: 'Stock inquiries (step 2) addressed to this supplier' })
  async stockInquiries(@Param('supplierId') supplierId: string, @Query() filter: InquiryFilterDto) {
    await this.suppliers.get(supplierId);
    return this.inquiries.list({ supplierId, status: filter.status });
  }

  @Get(':supplierId/dispatch-notices')
  @ApiOperation({ summary: 'Dispatch notices (step 6) addressed to this supplier' })
  dispatchNotices(@Param('supplierId') supplierId: string) {
    return this.suppliers.dispatchNoticesOf(supplierId);
  }
}
