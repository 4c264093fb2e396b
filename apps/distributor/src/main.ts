// First: tracing patches http, pg and fetch as they load.
import '../../../libs/platform/src/observability/tracing/register';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp, httpConfig } from '@tradelane/platform';
import { distributorApi } from './api';
import { DistributorModule } from './distributor.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(DistributorModule, { rawBody: true, bufferLogs: true });
  configureApp(app, distributorApi);
  const { port, host } = httpConfig();
  await app.listen(port ?? 3002, host);
}

if (require.main === module) void bootstrap();
