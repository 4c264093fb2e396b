import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import { Repository } from 'typeorm';
import { notFound, ProblemException, unprocessable, type Caller } from '@tradelane/platform';
import { OrganisationRecord } from '../organisation.entity';
import type { SignedInDto } from '../people/dto/sign-in.dto';
import { PersonRecord } from '../people/person.entity';
import { SessionsService } from '../people/sessions.service';
import type { IdentityProviderDto, IdentityProviderSettingsDto, OidcAuthorizationDto } from './dto/oidc.dto';
import { IdentityProviderRecord } from './identity-provider.entity';
import { isLoopback, issuerProblem } from './issuer-url';
import { OidcFlowRecord } from './oidc-flow.entity';

const FLOW_SECONDS = 10 * 60;
/** A provider's metadata is fetched again after this long, or at once when its settings change. */
const DISCOVERY_SECONDS = 10 * 60;
const PROVIDER_TIMEOUT_SECONDS = 5;

const flowRefused = () => new ProblemException(401, 'unauthenticated', 'Unauthorized', 'the sign-in flow is unknown, expired or used; start again');
const forbidden = (detail: string) => new ProblemException(403, 'forbidden', 'Forbidden', detail);

/** Sign-in through an organisation's own OpenID Connect provider: authorization code with PKCE, state and nonce. */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Identity');
  private readonly discovered = new Map<string, { key: string; until: number; configuration: Promise<oidc.Configuration> }>();

  constructor(
    @InjectRepository(IdentityProviderRecord) private readonly providers: Repository<IdentityProviderRecord>,
    @InjectRepository(OidcFlowRecord) private readonly flows: Repository<OidcFlowRecord>,
    @InjectRepository(PersonRecord) private readonly people: Repository<PersonRecord>,
    @InjectRepository(OrganisationRecord) private readonly organisations: Repository<OrganisationRecord>,
    private readonly sessions: SessionsService,
  ) {}

  async setProvider(organisationId: string, dto: IdentityProviderSettingsDto, caller: Caller): Promise<IdentityProviderDto> {
    if (!(await this.organisations.existsBy({ id: organisationId }))) throw notFound('organisation', organisationId);
    const problem = issuerProblem(dto.issuer);
    if (problem) throw unprocessable([{ field: 'issuer', message: problem }]);
    await this.providers.upsert(
      { organisationId, issuer: dto.issuer, clientId: dto.clientId, clientSecret: dto.clientSecret, createPeople: dto.createPeople ?? false, updatedAt: new Date() },
      ['organisationId'],
    );
    this.discovered.delete(organisationId);
    this.logger.log(`${caller.actor} (${caller.organisationId}) set the identity provider of ${organisationId} to ${dto.issuer}`);
    return this.getProvider(organisationId);
  }

  async getProvider(organisationId: string): Promise<IdentityProviderDto> {
    const provider = await this.providers.findOneBy({ organisationId });
    if (!provider) throw notFound('identity provider of organisation', organisationId);
    const { clientSecret: _, ...shown } = provider;
    return shown;
  }

  async authorization(organisationId: string, redirectUri: string): Promise<OidcAuthorizationDto> {
    const provider = await this.providers.findOneBy({ organisationId });
    if (!provider) throw unprocessable([{ field: 'organisationId', message: 'names no organisation that signs in through its own provider' }]);
    if (!parses(redirectUri)) throw unprocessable([{ field: 'redirectUri', message: 'must be an absolute http(s) URL' }]);
    const configuration = await this.configuration(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.flows.createQueryBuilder().delete().where(`expires_at < now() - interval '1 hour'`).execute();
    const flow = await this.flows.save(
      this.flows.create({ organisationId, redirectUri, state, nonce, codeVerifier, expiresAt: new Date(Date.now() + FLOW_SECONDS * 1000) }),
    );
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl: url.href, flowId: flow.id };
  }

  async callback(flowId: string, callbackUrl: string): Promise<SignedInDto> {
    const flow = await this.claim(flowId);
    const provider = flow && (await this.providers.findOneBy({ organisationId: flow.organisationId }));
    if (!flow || !provider || !parses(callbackUrl)) throw flowRefused();
    const current = new URL(callbackUrl);
    if (withoutParams(current) !== withoutParams(new URL(flow.redirectUri))) throw flowRefused();
    const configuration = await this.configuration(provider);
    let claims: EmailClaims | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // A provider that conforms strictly puts scope claims (email) only in its userinfo answer.
      if (claims && typeof claims.email !== 'string') claims = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    } catch (error) {
      this.logger.warn(`sign-in through ${provider.issuer} for ${flow.organisationId} refused: ${(error as Error).message}`);
      throw new ProblemException(401, 'unauthenticated', 'Unauthorized', `the identity provider's answer was refused: ${(error as Error).message}`);
    }
    const person = await this.personFor(provider, claims);
    return this.sessions.start(person, 'oidc');
  }

  /** A flow is used once: the first callback takes it, whatever comes of it. */
  private async claim(flowId: string): Promise<OidcFlowRecord | undefined> {
    const result = await this.flows
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :flowId AND used_at IS NULL AND expires_at > now()', { flowId })
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row) return undefined;
    return this.flows.create({
      id: row.id as string,
      organisationId: row.organisation_id as string,
      redirectUri: row.redirect_uri as string,
      state: row.state as string,
      nonce: row.nonce as string,
      codeVerifier: row.code_verifier as string,
    });
  }

  private async personFor(provider: IdentityProviderRecord, claims: EmailClaims | undefined): Promise<PersonRecord> {
    const organisationId = provider.organisationId;
    if (typeof claims?.email !== 'string' || claims.email === '') throw forbidden('the identity provider named no e-mail (the email claim)');
    if (claims.email_verified === false) throw forbidden(`the identity provider has not verified ${claims.email}`);
    const email = claims.email.trim().toLowerCase();
    let person = await this.people.findOneBy({ email });
    if (!person && provider.createPeople) {
      const name = typeof claims.name === 'string' && claims.name ? claims.name.slice(0, 200) : email;
      await this.people.createQueryBuilder().insert().values({ organisationId, email, name, role: 'member', passwordHash: null }).orIgnore().execute();
      person = await this.people.findOneBy({ email });
      if (person?.organisationId === organisationId) this.logger.log(`${email} added to ${organisationId} as a member at their first sign-in through ${provider.issuer}`);
    }
    if (!person || person.organisationId !== organisationId) throw forbidden(`${email} is not a person of ${organisationId}; an admin must add them first`);
    return person;
  }

  private configuration(provider: IdentityProviderRecord): Promise<oidc.Configuration> {
    const key = `${provider.issuer} ${provider.clientId} ${provider.updatedAt.toISOString()}`;
    const cached = this.discovered.get(provider.organisationId);
    if (cached && cached.key === key && cached.until > Date.now()) return cached.configuration;
    const issuer = new URL(provider.issuer);
    if (issuerProblem(provider.issuer)) throw unprocessable([{ field: 'issuer', message: issuerProblem(provider.issuer)! }]);
    const configuration = oidc
      .discovery(issuer, provider.clientId, provider.clientSecret, oidc.ClientSecretBasic(provider.clientSecret), {
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      })
      .catch((error: Error) => {
        this.discovered.delete(provider.organisationId);
        this.logger.warn(`discovery at ${provider.issuer} failed: ${error.message}`);
        throw new ProblemException(502, 'identity-provider-unreachable', 'Bad gateway', `the identity provider at ${provider.issuer} could not be asked`);
      });
    this.discovered.set(provider.organisationId, { key, until: Date.now() + DISCOVERY_SECONDS * 1000, configuration });
    return configuration;
  }
}

type EmailClaims = oidc.IDToken | oidc.UserInfoResponse;

function parses(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function withoutParams(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
