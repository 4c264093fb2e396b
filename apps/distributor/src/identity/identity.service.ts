import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { IsNull, Repository } from 'typeorm';
import {
  AccessTokenIssuer,
  conflict,
  identityConfig,
  notFound,
  ORGANISATION_ROLES,
  PERSON_ROLES,
  ProblemException,
  type OrganisationRole,
} from '@tradelane/platform';
import { ApiKeyRecord } from './api-key.entity';
import { newApiKey, parseApiKey, sameHash } from './api-key';
import type { ApiKeyDto, CreateOrganisationDto, IssuedApiKeyDto } from './dto/organisation.dto';
import type { AccessTokenDto } from './dto/token-request.dto';
import { OrganisationRecord } from './organisation.entity';
import { PASSWORD_MAX, PASSWORD_MIN } from './people/password';
import { PeopleService, type BootstrapPerson } from './people/people.service';

interface BootstrapOrganisation {
  id: string;
  role: OrganisationRole;
  name: string;
  apiKey: string;
}

const refused = () => new ProblemException(401, 'unauthenticated', 'Unauthorized', 'the API key is unknown or revoked');

/** Organisations, their API keys (hashes only) and the access tokens they are exchanged for. */
@Injectable()
export class IdentityService implements OnModuleInit {
  private readonly logger = new Logger('Identity');

  constructor(
    @InjectRepository(OrganisationRecord) private readonly organisations: Repository<OrganisationRecord>,
    @InjectRepository(ApiKeyRecord) private readonly keys: Repository<ApiKeyRecord>,
    private readonly issuer: AccessTokenIssuer,
    private readonly people: PeopleService,
  ) {}

  /**
   * Organisations, keys and people named in IDENTITY_BOOTSTRAP_FILE exist after start; a revoked
   * key stays revoked and a person keeps the password they have.
   */
  async onModuleInit(): Promise<void> {
    const file = identityConfig().bootstrapFile;
    if (!file) return;
    const { organisations, people = [] } = JSON.parse(readFileSync(file, 'utf8')) as {
      organisations: BootstrapOrganisation[];
      people?: BootstrapPerson[];
    };
    for (const org of organisations) {
      const key = parseApiKey(org.apiKey);
      if (!key || !ORGANISATION_ROLES.includes(org.role)) throw new Error(`IDENTITY_BOOTSTRAP_FILE: bad entry for ${org.id}`);
      await this.organisations.createQueryBuilder().insert().values({ id: org.id, role: org.role, name: org.name }).orIgnore().execute();
      await this.keys
        .createQueryBuilder()
        .insert()
        .values({ id: key.id, organisationId: org.id, secretSha256: key.secretSha256, label: 'bootstrap' })
        .orIgnore()
        .execute();
    }
    for (const person of people) {
      const known = organisations.some((org) => org.id === person.organisationId);
      const fits = typeof person.password === 'string' && person.password.length >= PASSWORD_MIN && person.password.length <= PASSWORD_MAX;
      if (!known || !fits || !PERSON_ROLES.includes(person.role) || !person.email) {
        throw new Error(`IDENTITY_BOOTSTRAP_FILE: bad person ${person.email} of ${person.organisationId}`);
      }
    }
    await this.people.bootstrap(people);
  }

  async exchange(apiKey: string): Promise<AccessTokenDto> {
    const presented = parseApiKey(apiKey);
    if (!presented) throw refused();
    const key = await this.keys.findOneBy({ id: presented.id, revokedAt: IsNull() });
    if (!key || !sameHash(key.secretSha256, presented.secretSha256)) throw refused();
    const organisation = await this.organisations.findOneBy({ id: key.organisationId });
    if (!organisation) throw refused();
    await this.keys.update({ id: key.id }, { lastUsedAt: new Date() });
    const { token } = this.issuer.issue({
      organisationId: organisation.id,
      role: organisation.role,
      credentialId: key.id,
      actor: `api-key:${key.label || key.id}`,
      personRole: 'admin',
    });
    return {
      accessToken: token,
      tokenType: 'Bearer',
      expiresIn: this.issuer.lifetimeSeconds,
      organisationId: organisation.id,
      role: organisation.role,
    };
  }

  list(): Promise<OrganisationRecord[]> {
    return this.organisations.find({ order: { id: 'ASC' } });
  }

  async get(id: string): Promise<OrganisationRecord> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('organisation', id);
    return organisation;
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationRecord> {
    const inserted = await this.organisations.createQueryBuilder().insert().values(dto).orIgnore().returning('*').execute();
    if (inserted.raw.length === 0) throw conflict(`organisation ${dto.id} exists already`);
    this.logger.log(`organisation ${dto.id} (${dto.role}) created`);
    return this.get(dto.id);
  }

  async keysOf(organisationId: string): Promise<ApiKeyDto[]> {
    await this.get(organisationId);
    const keys = await this.keys.find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    return keys.map(({ secretSha256: _, ...key }) => key);
  }

  async issueKey(organisationId: string, label = ''): Promise<IssuedApiKeyDto> {
    await this.get(organisationId);
    const made = newApiKey();
    await this.keys.insert({ id: made.id, organisationId, secretSha256: made.secretSha256, label });
    const { secretSha256: _, ...stored } = await this.keys.findOneByOrFail({ id: made.id });
    this.logger.log(`API key ${made.id} issued to ${organisationId}`);
    return { ...stored, apiKey: made.apiKey };
  }

  /** Takes effect for new tokens at once; tokens already issued lapse within their lifetime. */
  async revokeKey(organisationId: string, keyId: string): Promise<ApiKeyDto> {
    const key = await this.keys.findOneBy({ id: keyId, organisationId });
    if (!key) throw notFound('API key', keyId);
    if (!key.revokedAt) {
      await this.keys.update({ id: keyId }, { revokedAt: new Date() });
      this.logger.log(`API key ${keyId} of ${organisationId} revoked`);
    }
    const { secretSha256: _, ...stored } = await this.keys.findOneByOrFail({ id: keyId });
    return stored;
  }
}
