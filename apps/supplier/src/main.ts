// First: tracing patches http, pg and fetch as they load.
import '../../../libs/platform/src/observability/tracing/register';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp, httpConfig } from '@tradelane/platform';
import { supplierApi } from './api';
import { SupplierModule } from './supplier.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(SupplierModule, { bufferLogs: true });
  configureApp(app, supplierApi);
  const { port, host } = httpConfig();
  await app.listen(port ?? 3003, host);
}

if (require.main === module) void bootstrap();
