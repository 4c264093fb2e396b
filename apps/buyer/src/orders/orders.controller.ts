import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, mustSee, ownScope, uuidParam, type Caller } from '@tradelane/platform';
import { PaymentNoticeDto } from './dto/payment-notice.dto';
import { RemindersService } from '../reminders/reminders.service';
import { BuyerOrdersService } from './orders.service';
import { MAX_WAIT_SECONDS, preferredWaitMs } from './prefer-wait';

@ApiTags('orders')
@Controller('orders')
export class BuyerOrdersController {
  constructor(
    private readonly orders: BuyerOrdersService,
    private readonly reminders: RemindersService,
  ) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'Where the order stands now' })
  @Roles('buyer', 'auditor', 'operator')
  async view(@Param('orderId', uuidParam('orderId')) orderId: string, @CurrentCaller() caller: Caller) {
    const view = await this.orders.view(orderId);
    mustSee(caller, view.buyerId, 'order', orderId);
    return view;
  }

  @Get(':orderId/confirmation')
  @ApiOperation({
    summary: 'The order confirmation (step 6): final lines, freight, amount due',
    description: `With \`Prefer: wait=<seconds>\` (RFC 7240) the request waits up to that long (at most ${MAX_WAIT_SECONDS} s) for the confirmation to arrive instead of answering 404 at once.`,
  })
  @Roles('buyer', 'auditor', 'operator')
  async confirmation(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @CurrentCaller() caller: Caller,
    @Headers('prefer') prefer: string | undefined,
  ) {
    // Waited or polled for until step 6 arrives: without a stored confirmation everyone gets the
    // same 404, so the owner is read from the stored one and the order's workflow is not asked.
    const record = await this.orders.confirmationRecord(orderId, preferredWaitMs(prefer));
    mustSee(caller, record.buyerId, 'order', orderId);
    return record.confirmation;
  }

  @Get(':orderId/reminders')
  @ApiOperation({ summary: 'Reminders the order sent the buyer: a payment or a decision due by a deadline' })
  @Roles('buyer', 'auditor', 'operator')
  async remindersOf(@Param('orderId', uuidParam('orderId')) orderId: string, @CurrentCaller() caller: Caller) {
    await this.visible(orderId, caller);
    return this.reminders.forOrder(orderId);
  }

  @Post(':orderId/payment-notice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pay the amount due: the payment notice (step 7) to the payment gateway' })
  @Roles('buyer')
  async pay(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() body: PaymentNoticeDto, @CurrentCaller() caller: Caller) {
    const confirmation = await this.orders.findConfirmation(orderId);
    // Before step 6 only the workflow knows whose order it is (the owner gets 409, others 404).
    if (confirmation) mustSee(caller, confirmation.buyerId, 'order', orderId);
    else await this.visible(orderId, caller);
    return this.orders.pay(orderId, body, confirmation, caller);
  }

  /** A buyer reaches only its own orders; the order's workflow knows whose it is. */
  private async visible(orderId: string, caller: Caller): Promise<void> {
    if (!ownScope(caller)) return;
    mustSee(caller, (await this.orders.view(orderId)).buyerId, 'order', orderId);
  }
}
