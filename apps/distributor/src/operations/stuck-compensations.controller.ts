import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, uuidParam, type Caller } from '@tradelane/platform';
import { CompensationResolutionDto } from './dto/compensation-resolution.dto';
import { StuckFilterDto } from './dto/stuck-filter.dto';
import { StuckCompensationsService } from './stuck-compensations.service';

@ApiTags('operations')
@Controller('operations/stuck-compensations')
export class StuckCompensationsController {
  constructor(private readonly stuck: StuckCompensationsService) {}

  @Get()
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: 'Undo steps of cancelled orders that could not succeed on their own' })
  list(@Query() filter: StuckFilterDto) {
    return this.stuck.list(filter.status);
  }

  @Post(':orderId/:compensationId/resolve')
  @HttpCode(204)
  @Roles('operator')
  @ApiOperation({ summary: "Retry a stuck compensation, or record that it was done by hand; the resolution names the caller's actor" })
  async resolve(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @Param('compensationId') compensationId: string,
    @Body() dto: CompensationResolutionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.stuck.resolve(orderId, compensationId, dto, caller);
  }
}
