import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, notFound, type Caller, type PersonRole } from '@tradelane/platform';
import { OrganisationRecord } from '../organisation.entity';
import type { CreatePersonDto, PersonDto } from './dto/person.dto';
import { hashPassword } from './password';
import { PersonRecord } from './person.entity';
import { SessionsService } from './sessions.service';

export interface BootstrapPerson {
  organisationId: string;
  email: string;
  name: string;
  role: PersonRole;
  password: string;
}

const who = (caller: Caller) => `${caller.actor} (${caller.organisationId})`;

/** An organisation's people, as its admins and the operator manage them; never a hash leaves. */
@Injectable()
export class PeopleService {
  private readonly logger = new Logger('Identity');

  constructor(
    @InjectRepository(PersonRecord) private readonly people: Repository<PersonRecord>,
    @InjectRepository(OrganisationRecord) private readonly organisations: Repository<OrganisationRecord>,
    private readonly sessions: SessionsService,
  ) {}

  async list(organisationId: string): Promise<PersonDto[]> {
    await this.organisation(organisationId);
    const people = await this.people.find({ where: { organisationId }, order: { email: 'ASC' } });
    return people.map(view);
  }

  async create(organisationId: string, dto: CreatePersonDto, caller: Caller): Promise<PersonDto> {
    await this.organisation(organisationId);
    const email = dto.email.trim().toLowerCase();
    const inserted = await this.people
      .createQueryBuilder()
      .insert()
      .values({ organisationId, email, name: dto.name, role: dto.role, passwordHash: await hashPassword(dto.password) })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) throw conflict(`a person with the e-mail ${email} exists already`);
    const person = await this.people.findOneByOrFail({ id: (inserted.raw as { id: string }[])[0].id });
    this.logger.log(`${who(caller)} added ${email} (${dto.role}) to ${organisationId}`);
    return view(person);
  }

  /** A reset: the new password, the lock-out cleared, every session of the person ended. */
  async resetPassword(organisationId: string, personId: string, password: string, caller: Caller): Promise<void> {
    const person = await this.person(organisationId, personId);
    await this.people.update({ id: person.id }, { passwordHash: await hashPassword(password), failedAttempts: 0, lockedUntil: null });
    const ended = await this.sessions.revokeAllOf(person.id);
    this.logger.log(`${who(caller)} reset the password of ${person.email} (${organisationId}); ${ended} session(s) ended`);
  }

  async revokeSessions(organisationId: string, personId: string, caller: Caller): Promise<void> {
    const person = await this.person(organisationId, personId);
    const ended = await this.sessions.revokeAllOf(person.id);
    this.logger.log(`${who(caller)} ended ${ended} session(s) of ${person.email} (${organisationId})`);
  }

  /** People named in the bootstrap file exist after start; one who exists keeps the password they have. */
  async bootstrap(people: BootstrapPerson[]): Promise<void> {
    for (const person of people) {
      const email = person.email.toLowerCase();
      if (await this.people.existsBy({ email })) continue;
      await this.people
        .createQueryBuilder()
        .insert()
        .values({ organisationId: person.organisationId, email, name: person.name, role: person.role, passwordHash: await hashPassword(person.password) })
        .orIgnore()
        .execute();
    }
  }

  private async organisation(id: string): Promise<OrganisationRecord> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('organisation', id);
    return organisation;
  }

  private async person(organisationId: string, personId: string): Promise<PersonRecord> {
    const person = await this.people.findOneBy({ id: personId, organisationId });
    if (!person) throw notFound('person', personId);
    return person;
  }
}

function view(person: PersonRecord): PersonDto {
  return {
    id: person.id,
    organisationId: person.organisationId,
    email: person.email,
    name: person.name,
    role: person.role,
    hasPassword: person.passwordHash !== null,
    lockedUntil: person.lockedUntil && person.lockedUntil > new Date() ? person.lockedUntil : null,
    createdAt: person.createdAt,
  };
}
