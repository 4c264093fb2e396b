import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '@tradelane/platform';
import { supplierApi } from './api';
import { SupplierModule } from './supplier.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(SupplierModule);
  configureApp(app, supplierApi);
  await app.listen(Number(process.env.PORT ?? 3003), process.env.HOST ?? '127.0.0.1');
}

if (require.main === module) void bootstrap();
