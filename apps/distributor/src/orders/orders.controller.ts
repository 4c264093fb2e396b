import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, uuidParam, type Caller } from '@tradelane/platform';
import { BuyerDecisionDto } from './dto/buyer-decision.dto';
import { CancelOrderDto } from './dto/cancel-order.dto';
import { OrderFilterDto, OrderPageDto } from './dto/order-filter.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @Roles('buyer', 'auditor', 'operator')
  @ApiOperation({
    summary: 'Purchase orders taken in, a page at a time, without their lines; a buyer sees only its own',
    description:
      'Newest first unless `sort` says otherwise. Each page ends with `nextCursor`: pass it as `cursor` (with the same ' +
      'filters and sort) for the next page, until it is null. Orders taken in meanwhile neither repeat nor shift rows. ' +
      'A cursor this list did not hand out, or one of another sort, is a 422 naming `cursor` (400 if it is not base64url at all).',
  })
  @ApiOkResponse({ type: OrderPageDto })
  list(@Query() filter: OrderFilterDto, @CurrentCaller() caller: Caller) {
    return this.orders.list(filter, caller);
  }

  @Get(':orderId')
  @Roles('buyer', 'auditor', 'operator')
  @ApiOperation({
    summary: "The order's state now, from its workflow, with the lines, ship-to, wanted-by date and currency it was ordered with",
  })
  view(@Param('orderId', uuidParam('orderId')) orderId: string, @CurrentCaller() caller: Caller) {
    return this.orders.view(orderId, caller);
  }

  @Get(':orderId/messages')
  @Roles('buyer', 'auditor', 'operator')
  @ApiOperation({ summary: "The order's messages so far, in the order they were sent" })
  messages(@Param('orderId', uuidParam('orderId')) orderId: string, @CurrentCaller() caller: Caller) {
    return this.orders.messagesOf(orderId, caller);
  }

  @Post(':orderId/cancel')
  @HttpCode(202)
  @Roles('buyer')
  @ApiOperation({
    summary: 'The buyer calls the order off (until the goods are released for dispatch); everything done so far is undone',
  })
  async cancel(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() dto: CancelOrderDto, @CurrentCaller() caller: Caller) {
    await this.orders.cancel(orderId, dto, caller);
    return this.orders.view(orderId, caller);
  }

  @Post(':orderId/decision')
  @HttpCode(200)
  @Roles('buyer')
  @ApiOperation({ summary: "The buyer's answer when a late party's deadline was put to them" })
  async decide(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() dto: BuyerDecisionDto, @CurrentCaller() caller: Caller) {
    await this.orders.decide(orderId, dto, caller);
    return this.orders.view(orderId, caller);
  }
}
