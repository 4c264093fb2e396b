import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { patternParam, Roles } from '@tradelane/platform';
import { organisationIdParam as organisationId } from './params';
import { ApiKeyDto, CreateApiKeyDto, CreateOrganisationDto, IssuedApiKeyDto, OrganisationDto } from './dto/organisation.dto';
import { IdentityService } from './identity.service';

const keyId = patternParam('keyId', /^[0-9a-f]{16}$/, '16 hexadecimal digits');

@ApiTags('identity')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: 'Every organisation that may call the platform' })
  @ApiOkResponse({ type: [OrganisationDto] })
  list() {
    return this.identity.list();
  }

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Register an organisation (its id is the one orders name it by)' })
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@Body() dto: CreateOrganisationDto) {
    return this.identity.create(dto);
  }

  @Get(':organisationId')
  @Roles('operator', 'auditor')
  @ApiOkResponse({ type: OrganisationDto })
  get(@Param('organisationId', organisationId) id: string) {
    return this.identity.get(id);
  }

  @Get(':organisationId/api-keys')
  @Roles('operator', 'auditor')
  @ApiOperation({ summary: "An organisation's API keys, without their secrets" })
  @ApiOkResponse({ type: [ApiKeyDto] })
  keys(@Param('organisationId', organisationId) id: string) {
    return this.identity.keysOf(id);
  }

  @Post(':organisationId/api-keys')
  @Roles('operator')
  @ApiOperation({ summary: 'Issue an API key; its secret is in this answer and nowhere else' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  issue(@Param('organisationId', organisationId) id: string, @Body() dto: CreateApiKeyDto) {
    return this.identity.issueKey(id, dto.label);
  }

  @Delete(':organisationId/api-keys/:keyId')
  @Roles('operator')
  @ApiOperation({ summary: 'Revoke an API key: no new tokens at once; tokens already issued lapse within their lifetime' })
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param('organisationId', organisationId) id: string, @Param('keyId', keyId) key: string) {
    return this.identity.revokeKey(id, key);
  }
}
