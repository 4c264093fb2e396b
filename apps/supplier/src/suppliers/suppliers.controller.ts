import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, mustSee, ownScope, Roles, type Caller } from '@tradelane/platform';
import { ReservationFilterDto } from '../reservations/dto/reservation-filter.dto';
import { ReservationPolicyDto } from '../reservations/dto/reservation-policy.dto';
import { ReservationsService } from '../reservations/reservations.service';
import { InquiryFilterDto } from '../stock-inquiries/dto/inquiry-filter.dto';
import { StockInquiriesService } from '../stock-inquiries/stock-inquiries.service';
import { AnswerModeDto } from './dto/answer-mode.dto';
import { SuppliersService } from './suppliers.service';
import { DispatchNoticeRecord } from '../dispatch-notices/dispatch-notice.entity';
import { StockReservation } from '../reservations/stock-reservation.entity';
import { StockInquiryRecord } from '../stock-inquiries/stock-inquiry.entity';
import { Supplier } from './supplier.entity';

@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly inquiries: StockInquiriesService,
    private readonly reservations: ReservationsService,
  ) {}

  @Get()
  @Roles('supplier', 'auditor', 'operator')
  @ApiOperation({ summary: 'Suppliers on this service, with how each answers stock inquiries and how long it holds stock; a supplier sees itself' })
  @ApiOkResponse({ type: Supplier, isArray: true })
  async list(@CurrentCaller() caller: Caller) {
    const own = ownScope(caller);
    const all = await this.suppliers.list();
    return own ? all.filter((s) => s.id === own) : all;
  }

  @Put(':supplierId/answer-mode')
  @Roles('supplier', 'operator')
  @ApiOperation({ summary: 'Answer stock inquiries automatically from stock data, or wait for a person' })
  setAnswerMode(@Param('supplierId') supplierId: string, @Body() body: AnswerModeDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, supplierId, 'supplier', supplierId);
    return this.suppliers.setAnswerMode(supplierId, body.answerMode);
  }

  @Put(':supplierId/reservation-policy')
  @Roles('supplier', 'operator')
  @ApiOperation({ summary: 'How long a positive stock answer holds the committed units; applies to answers from now on' })
  setReservationPolicy(@Param('supplierId') supplierId: string, @Body() body: ReservationPolicyDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, supplierId, 'supplier', supplierId);
    return this.suppliers.setReservationHold(supplierId, body.holdMinutes);
  }

  @Get(':supplierId/stock')
  @ApiOperation({ summary: "The supplier's stock per SKU: on hand, held for orders, available, and price" })
  @Roles('supplier', 'auditor', 'operator')
  async stock(@Param('supplierId') supplierId: string, @CurrentCaller() caller: Caller) {
    mustSee(caller, supplierId, 'supplier', supplierId);
    await this.suppliers.get(supplierId);
    return this.reservations.stockOf(supplierId);
  }

  @Get(':supplierId/reservations')
  @ApiOperation({ summary: 'Stock held for orders (and what became of it), by order, inquiry or status' })
  @ApiOkResponse({ type: StockReservation, isArray: true })
  @Roles('supplier', 'auditor', 'operator')
  async listReservations(@Param('supplierId') supplierId: string, @Query() filter: ReservationFilterDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, supplierId, 'supplier', supplierId);
    await this.suppliers.get(supplierId);
    return this.reservations.list(supplierId, filter);
  }

  @Get(':supplierId/stock-inquiries')
  @ApiOperation({ summary: 'Stock inquiries (step 2) addressed to this supplier' })
  @ApiOkResponse({ type: StockInquiryRecord, isArray: true })
  @Roles('supplier', 'auditor', 'operator')
  async stockInquiries(@Param('supplierId') supplierId: string, @Query() filter: InquiryFilterDto, @CurrentCaller() caller: Caller) {
    mustSee(caller, supplierId, 'supplier', supplierId);
    await this.suppliers.get(supplierId);
    return this.inquiries.list({ addressee: supplierId, status: filter.status });
  }

  @Get(':supplierId/dispatch-notices')
  @ApiOperation({ summary: 'Dispatch notices (step 6) addressed to this supplier' })
  @ApiOkResponse({ type: DispatchNoticeRecord, isArray: true })
  @Roles('supplier', 'auditor', 'operator')
  dispatchNotices(@Param('supplierId') supplierId: string, @CurrentCaller() caller: Caller) {
    mustSee(caller, supplierId, 'supplier', supplierId);
    return this.suppliers.dispatchNoticesOf(supplierId);
  }
}
