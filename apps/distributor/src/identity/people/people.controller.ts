import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, mustAdminister, ORGANISATION_ROLES, Roles, type Caller } from '@tradelane/platform';
import { organisationIdParam, personIdParam } from '../params';
import { CreatePersonDto, PasswordResetDto, PersonDto } from './dto/person.dto';
import { PeopleService } from './people.service';

const who = 'The operator, or an admin of the organisation (its API keys act as its admin); auditors may read the list.';

@ApiTags('identity')
@Controller('organisations/:organisationId/people')
@Roles(...ORGANISATION_ROLES)
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's people, without their passwords", description: who })
  @ApiOkResponse({ type: [PersonDto] })
  list(@Param('organisationId', organisationIdParam) organisationId: string, @CurrentCaller() caller: Caller) {
    mustAdminister(caller, organisationId, { reading: true });
    return this.people.list(organisationId);
  }

  @Post()
  @ApiOperation({ summary: 'Add a person who signs in with an e-mail and a password', description: who })
  @ApiCreatedResponse({ type: PersonDto })
  create(@Param('organisationId', organisationIdParam) organisationId: string, @Body() dto: CreatePersonDto, @CurrentCaller() caller: Caller) {
    mustAdminister(caller, organisationId);
    return this.people.create(organisationId, dto, caller);
  }

  @Put(':personId/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset a person's password: clears the lock-out and ends every session of theirs", description: who })
  @ApiNoContentResponse()
  async resetPassword(
    @Param('organisationId', organisationIdParam) organisationId: string,
    @Param('personId', personIdParam) personId: string,
    @Body() dto: PasswordResetDto,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    mustAdminister(caller, organisationId);
    await this.people.resetPassword(organisationId, personId, dto.password, caller);
  }

  @Delete(':personId/sessions')
  @HttpCode(204)
  @ApiOperation({ summary: "End every sign-in session of a person (access tokens already out lapse within their lifetime)", description: who })
  @ApiNoContentResponse()
  async revokeSessions(
    @Param('organisationId', organisationIdParam) organisationId: string,
    @Param('personId', personIdParam) personId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    mustAdminister(caller, organisationId);
    await this.people.revokeSessions(organisationId, personId, caller);
  }
}
