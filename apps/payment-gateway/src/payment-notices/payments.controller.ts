import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { LedgerService } from '../ledger/ledger.service';
import { Transfer } from '../transfer-notices/transfer.entity';
import { OrderFilterDto } from './dto/order-filter.dto';
import { Payment } from './payment.entity';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    @InjectRepository(Transfer) private readonly transfers: Repository<Transfer>,
    private readonly ledger: LedgerService,
  ) {}

  @Get('payments')
  @ApiOperation({ summary: 'Payments taken on payment notices (step 7)' })
  listPayments(@Query() filter: OrderFilterDto) {
    return this.payments.find({ where: filter.orderId ? { orderId: filter.orderId } : {}, order: { receivedAt: 'ASC' }, take: 500 });
  }

  @Get('transfers')
  @ApiOperation({ summary: 'Transfers to the distributor (step 8)' })
  listTransfers(@Query() filter: OrderFilterDto) {
    return this.transfers.find({ where: filter.orderId ? { orderId: filter.orderId } : {}, order: { transferredAt: 'ASC' }, take: 500 });
  }

  @Get('ledger/balance')
  @ApiOperation({ summary: 'Proof that the double-entry ledger balances, per currency' })
  balance() {
    return this.ledger.balance();
  }
}
