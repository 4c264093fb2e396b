import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Roles } from '@tradelane/platform';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { LedgerService } from '../ledger/ledger.service';
import { Transfer } from '../transfer-notices/transfer.entity';
import { OrderFilterDto } from './dto/order-filter.dto';
import { Refund } from '../refunds/refund.entity';
import { Payment } from './payment.entity';

@ApiTags('payments')
@Controller()
@Roles('payment-gateway', 'auditor', 'operator')
export class PaymentsController {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    @InjectRepository(Transfer) private readonly transfers: Repository<Transfer>,
    @InjectRepository(Refund) private readonly refunds: Repository<Refund>,
    private readonly ledger: LedgerService,
  ) {}

  @Get('payments')
  @ApiOperation({ summary: 'Payment notices (step 7) as answered: accepted or declined' })
  @ApiOkResponse({ type: Payment, isArray: true })
  listPayments(@Query() filter: OrderFilterDto) {
    return this.payments.find({ where: filter.orderId ? { orderId: filter.orderId } : {}, order: { receivedAt: 'ASC' }, take: 500 });
  }

  @Get('refunds')
  @ApiOperation({ summary: 'Payments given back when an order was undone' })
  @ApiOkResponse({ type: Refund, isArray: true })
  listRefunds(@Query() filter: OrderFilterDto) {
    return this.refunds.find({ where: filter.orderId ? { orderId: filter.orderId } : {}, order: { refundedAt: 'ASC' }, take: 500 });
  }

  @Get('transfers')
  @ApiOperation({ summary: 'Transfers to the distributor (step 8), with how the signed notice was delivered' })
  @ApiOkResponse({ type: Transfer, isArray: true })
  listTransfers(@Query() filter: OrderFilterDto) {
    return this.transfers.find({ where: filter.orderId ? { orderId: filter.orderId } : {}, order: { transferredAt: 'ASC' }, take: 500 });
  }

  @Get('ledger/check')
  @ApiOperation({ summary: 'Proof that the double-entry ledger balances: per currency, per journal, and each account' })
  check() {
    return this.ledger.check();
  }

  @Get('ledger/balance')
  @ApiOperation({ summary: 'Proof that the double-entry ledger balances, per currency' })
  balance() {
    return this.ledger.balance();
  }
}
