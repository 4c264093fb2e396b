import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { BuyerDecisionDto } from './dto/buyer-decision.dto';
import { CancelOrderDto } from './dto/cancel-order.dto';
import { OrderFilterDto } from './dto/order-filter.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @ApiOperation({ summary: 'Purchase orders taken in, newest first (500 at most), without their lines' })
  list(@Query() filter: OrderFilterDto) {
    return this.orders.list(filter);
  }

  @Get(':orderId')
  @ApiOperation({ summary: "The order's state now, from its workflow" })
  view(@Param('orderId', uuidParam('orderId')) orderId: string) {
    return this.orders.view(orderId);
  }

  @Get(':orderId/messages')
  @ApiOperation({ summary: "The order's messages so far, in the order they were sent" })
  messages(@Param('orderId', uuidParam('orderId')) orderId: string) {
    return this.orders.messagesOf(orderId);
  }

  @Post(':orderId/cancel')
  @HttpCode(202)
  @ApiOperation({
    summary: 'The buyer calls the order off (until the goods are released for dispatch); everything done so far is undone',
  })
  async cancel(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() dto: CancelOrderDto) {
    await this.orders.cancel(orderId, dto);
    return this.orders.view(orderId);
  }

  @Post(':orderId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: "The buyer's answer when a late party's deadline was put to them" })
  async decide(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() dto: BuyerDecisionDto) {
    await this.orders.decide(orderId, dto);
    return this.orders.view(orderId);
  }
}
