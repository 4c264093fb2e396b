import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '@tradelane/platform';
import { distributorApi } from './api';
import { DistributorModule } from './distributor.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(DistributorModule, { rawBody: true });
  configureApp(app, distributorApi);
  await app.listen(Number(process.env.PORT ?? 3002), process.env.HOST ?? '127.0.0.1');
}

if (require.main === module) void bootstrap();
