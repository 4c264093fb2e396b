import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health';
import { HealthController } from './health.controller';
import { TemporalHealth } from './temporal.health';

/** /health (readiness), /health/ready and /health/live, for every party's service. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [DatabaseHealth, TemporalHealth],
})
export class HealthModule {}
