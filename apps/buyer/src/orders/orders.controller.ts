import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { PaymentNoticeDto } from './dto/payment-notice.dto';
import { RemindersService } from '../reminders/reminders.service';
import { BuyerOrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class BuyerOrdersController {
  constructor(
    private readonly orders: BuyerOrdersService,
    private readonly reminders: RemindersService,
  ) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'Where the order stands now' })
  view(@Param('orderId', uuidParam('orderId')) orderId: string) {
    return this.orders.view(orderId);
  }

  @Get(':orderId/confirmation')
  @ApiOperation({ summary: 'The order confirmation (step 6): final lines, freight, amount due' })
  confirmation(@Param('orderId', uuidParam('orderId')) orderId: string) {
    return this.orders.confirmation(orderId);
  }

  @Get(':orderId/reminders')
  @ApiOperation({ summary: 'Reminders the order sent the buyer: a payment or a decision due by a deadline' })
  remindersOf(@Param('orderId', uuidParam('orderId')) orderId: string) {
    return this.reminders.forOrder(orderId);
  }

  @Post(':orderId/payment-notice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pay the amount due: the payment notice (step 7) to the payment gateway' })
  pay(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() body: PaymentNoticeDto) {
    return this.orders.pay(orderId, body);
  }
}
