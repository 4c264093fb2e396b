import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyRecord } from './api-key.entity';
import { AuthController } from './auth.controller';
import { IdentityService } from './identity.service';
import { OrganisationRecord } from './organisation.entity';
import { OrganisationsController } from './organisations.controller';

/** The platform's token issuer: organisations, API keys and the token exchange. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationRecord, ApiKeyRecord])],
  controllers: [AuthController, OrganisationsController],
  providers: [IdentityService],
})
export class IdentityModule {}
