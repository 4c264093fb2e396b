import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CurrentCaller, mustSee, Roles, type Caller } from '@tradelane/platform';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PayerAccountDto } from './dto/payer-account.dto';
import { PayerAccountsService } from './payer-accounts.service';
import { BuyerIdPipe } from './buyer-id.pipe';

@ApiTags('payer accounts')
@Controller('payer-accounts')
export class PayerAccountsController {
  constructor(private readonly payers: PayerAccountsService) {}

  @Put(':buyerId')
  @ApiOperation({ summary: "Sets a buyer's credit limit in one currency; payments beyond what is left are declined" })
  @Roles('payment-gateway', 'operator')
  set(@Param('buyerId', BuyerIdPipe) buyerId: string, @Body() body: PayerAccountDto) {
    return this.payers.setLimit(buyerId, body.currency, body.creditLimitMinor);
  }

  @Get(':buyerId')
  @ApiOperation({ summary: "A buyer's accounts: limit, used and available per currency (buyers without one get the default limit)" })
  @Roles('buyer', 'payment-gateway', 'auditor', 'operator')
  get(@Param('buyerId', BuyerIdPipe) buyerId: string, @CurrentCaller() caller: Caller) {
    if (caller.role === 'buyer') mustSee(caller, buyerId, 'payer account', buyerId);
    return this.payers.standings(buyerId);
  }
}
