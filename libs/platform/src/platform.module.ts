import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { validateEnvironment } from './config/environment';
import { databaseConfig, temporalConfig } from './config/namespaces';
import { partyDataSourceOptions, type PartyDatabase } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './observability/metrics/metrics.module';
import { LoggingModule } from './observability/logging/logging.module';
import { TemporalModule } from './temporal/temporal.module';

/** What every party's service has: validated config, its own database schema, Temporal, health. */
@Module({})
export class PlatformModule {
  static forParty(db: PartyDatabase): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: validateEnvironment,
          load: [databaseConfig, temporalConfig],
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            partyDataSourceOptions(config.getOrThrow<string>('database.url'), db),
        }),
        TemporalModule,
        HealthModule,
        MetricsModule,
        // A party's schema is its role with underscores (payment_gateway).
        LoggingModule.forService(`tradelane-${db.schema.replace(/_/g, '-')}`),
      ],
    };
  }
}
