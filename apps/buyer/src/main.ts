// First: tracing patches http, pg and fetch as they load.
import '../../../libs/platform/src/observability/tracing/register';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp, httpConfig } from '@tradelane/platform';
import { buyerApi } from './api';
import { BuyerModule } from './buyer.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(BuyerModule, { bufferLogs: true });
  configureApp(app, buyerApi);
  const { port, host } = httpConfig();
  await app.listen(port ?? 3001, host);
}

if (require.main === module) void bootstrap();
