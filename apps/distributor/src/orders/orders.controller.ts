import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { OrderFilterDto } from './dto/order-filter.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @ApiOperation({ summary: 'Purchase orders taken in, newest first (500 at most)' })
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
}
