import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AccessTokenIssuer, ProblemException, signInConfig } from '@tradelane/platform';
import { OrganisationRecord } from '../organisation.entity';
import { sameHash } from '../secret-token';
import type { PersonAccessTokenDto, SignedInDto, SignedInPersonDto } from './dto/sign-in.dto';
import { PersonRecord } from './person.entity';
import { sessionTokens } from './session-token';
import { SignInSessionRecord } from './sign-in-session.entity';

const refused = () => new ProblemException(401, 'unauthenticated', 'Unauthorized', 'the session is unknown, expired or revoked; sign in again');

/** Sign-in sessions: started by a password or a provider, traded for access tokens, ended by sign-out or an admin. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Identity');
  private readonly lifetimeSeconds = signInConfig().sessionLifetimeSeconds;

  constructor(
    @InjectRepository(SignInSessionRecord) private readonly sessions: Repository<SignInSessionRecord>,
    @InjectRepository(PersonRecord) private readonly people: Repository<PersonRecord>,
    @InjectRepository(OrganisationRecord) private readonly organisations: Repository<OrganisationRecord>,
    private readonly issuer: AccessTokenIssuer,
  ) {}

  async start(person: PersonRecord, how: 'password' | 'oidc'): Promise<SignedInDto> {
    const made = sessionTokens.make();
    const expiresAt = new Date(Date.now() + this.lifetimeSeconds * 1000);
    await this.sessions.insert({ id: made.id, personId: person.id, secretSha256: made.secretSha256, expiresAt });
    this.logger.log(`${person.email} (${person.organisationId}) signed in by ${how}, session ${made.id}`);
    return { sessionToken: made.token, expiresAt, person: await this.describe(person) };
  }

  async accessToken(sessionToken: string): Promise<PersonAccessTokenDto> {
    const session = await this.live(sessionToken);
    if (!session) throw refused();
    const person = await this.people.findOneBy({ id: session.personId });
    const organisation = person && (await this.organisations.findOneBy({ id: person.organisationId }));
    if (!person || !organisation) throw refused();
    await this.sessions.update({ id: session.id }, { lastUsedAt: new Date() });
    const { token } = this.issuer.issue({
      organisationId: organisation.id,
      role: organisation.role,
      credentialId: session.id,
      actor: person.email,
      personId: person.id,
      personRole: person.role,
    });
    return {
      accessToken: token,
      tokenType: 'Bearer',
      expiresIn: this.issuer.lifetimeSeconds,
      sessionExpiresAt: session.expiresAt,
      person: this.view(person, organisation),
    };
  }

  /** Answers the same whether or not the token named a session, so sign-out tells nothing. */
  async signOut(sessionToken: string): Promise<void> {
    const session = await this.live(sessionToken);
    if (!session) return;
    await this.sessions.update({ id: session.id }, { revokedAt: new Date() });
    this.logger.log(`session ${session.id} signed out`);
  }

  async revokeAllOf(personId: string): Promise<number> {
    const result = await this.sessions.update({ personId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  async describe(person: PersonRecord): Promise<SignedInPersonDto> {
    return this.view(person, await this.organisations.findOneByOrFail({ id: person.organisationId }));
  }

  private view(person: PersonRecord, organisation: OrganisationRecord): SignedInPersonDto {
    return {
      id: person.id,
      email: person.email,
      name: person.name,
      role: person.role,
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationRole: organisation.role,
    };
  }

  private async live(sessionToken: string): Promise<SignInSessionRecord | undefined> {
    const presented = sessionTokens.parse(sessionToken);
    if (!presented) return undefined;
    const session = await this.sessions
      .createQueryBuilder('s')
      .where('s.id = :id AND s.revoked_at IS NULL AND s.expires_at > now()', { id: presented.id })
      .getOne();
    return session && sameHash(session.secretSha256, presented.secretSha256) ? session : undefined;
  }
}
