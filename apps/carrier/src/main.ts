// First: tracing patches http, pg and fetch as they load.
import '../../../libs/platform/src/observability/tracing/register';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp, httpConfig } from '@tradelane/platform';
import { carrierApi } from './api';
import { CarrierModule } from './carrier.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(CarrierModule, { bufferLogs: true });
  configureApp(app, carrierApi);
  const { port, host } = httpConfig();
  await app.listen(port ?? 3004, host);
}

if (require.main === module) void bootstrap();
