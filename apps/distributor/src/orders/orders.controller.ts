import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@tradelane/platform';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

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
