import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '@tradelane/platform';
import { carrierApi } from './api';
import { CarrierModule } from './carrier.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(CarrierModule);
  configureApp(app, carrierApi);
  await app.listen(Number(process.env.PORT ?? 3004), process.env.HOST ?? '127.0.0.1');
}

if (require.main === module) void bootstrap();
