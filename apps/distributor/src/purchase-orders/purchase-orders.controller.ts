import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PurchaseOrderDto } from './dto/purchase-order.dto';
import { PurchaseOrdersService } from './purchase-orders.service';

@ApiTags('purchase orders')
@Controller('purchase-orders')
export class PurchaseOrdersController {
  constructor(private readonly purchaseOrders: PurchaseOrdersService) {}

  @Post()
  @ApiOperation({ summary: 'Submit a purchase order (step 1); starts its order workflow' })
  async submit(@Body() body: PurchaseOrderDto, @Res({ passthrough: true }) res: Response) {
    const submitted = await this.purchaseOrders.submit(body);
    res.status(submitted.replayed ? 200 : 201);
    res.location(`/orders/${submitted.orderId}`);
    return submitted;
  }
}
