import { Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Roles, unprocessable } from '@tradelane/platform';
import { PartyTermsDto } from './dto/party-terms.dto';
import { PartyTermsRecord } from './party-terms.entity';

enum TermsRole {
  buyer = 'buyer',
  supplier = 'supplier',
  carrier = 'carrier',
}

@ApiTags('party terms')
@Controller('party-terms')
export class PartyTermsController {
  constructor(@InjectRepository(PartyTermsRecord) private readonly terms: Repository<PartyTermsRecord>) {}

  @Get()
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: "Each party's deadline, reminder and escalation; party `*` is a role's default" })
  @ApiOkResponse({ type: PartyTermsRecord, isArray: true })
  list() {
    return this.terms.find({ order: { role: 'ASC', partyId: 'ASC' } });
  }

  @Put(':role/:partyId')
  @Roles('operator')
  @ApiOperation({ summary: "Set a party's terms (or a role's default with party `*`); applies to orders that read them afterwards (suppliers' with the sourcing plan, carriers' with the carrier choice, the buyer's at its first wait)" })
  @ApiOkResponse({ type: PartyTermsRecord })
  async set(
    @Param('role', new ParseEnumPipe(TermsRole)) role: TermsRole,
    @Param('partyId') partyId: string,
    @Body() dto: PartyTermsDto,
  ): Promise<PartyTermsRecord> {
    if (dto.remindBeforeSeconds >= dto.answerWithinSeconds && dto.remindBeforeSeconds > 0) {
      throw unprocessable([{ field: 'remindBeforeSeconds', message: 'must be shorter than answerWithinSeconds' }]);
    }
    if (partyId.length > 200) throw unprocessable([{ field: 'partyId', message: 'at most 200 characters' }]);
    const row = { role, partyId, ...dto };
    await this.terms.upsert(row, ['role', 'partyId']);
    return row;
  }
}
