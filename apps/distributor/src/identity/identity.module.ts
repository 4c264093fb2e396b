import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyRecord } from './api-key.entity';
import { AuthController } from './auth.controller';
import { IdentityService } from './identity.service';
import { IdentityProviderRecord } from './oidc/identity-provider.entity';
import { IdentityProvidersController } from './oidc/identity-providers.controller';
import { OidcController } from './oidc/oidc.controller';
import { OidcFlowRecord } from './oidc/oidc-flow.entity';
import { OidcService } from './oidc/oidc.service';
import { OrganisationRecord } from './organisation.entity';
import { OrganisationsController } from './organisations.controller';
import { PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';
import { PersonRecord } from './people/person.entity';
import { SessionsService } from './people/sessions.service';
import { SignInSessionRecord } from './people/sign-in-session.entity';
import { SignInController } from './people/sign-in.controller';
import { PasswordSignInService } from './people/sign-in.service';
import { accessTokenIssuer } from './token-issuer';

/**
 * The platform's token issuer: organisations and their API keys, the people who sign in for them
 * (with a password, or through the organisation's own OpenID Connect provider) and their sessions.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationRecord, ApiKeyRecord, PersonRecord, SignInSessionRecord, IdentityProviderRecord, OidcFlowRecord])],
  controllers: [AuthController, SignInController, OidcController, OrganisationsController, PeopleController, IdentityProvidersController],
  providers: [accessTokenIssuer, IdentityService, SessionsService, PasswordSignInService, PeopleService, OidcService],
})
export class IdentityModule {}
