import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '@tradelane/platform';
import { buyerApi } from './api';
import { BuyerModule } from './buyer.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(BuyerModule);
  configureApp(app, buyerApi);
  await app.listen(Number(process.env.PORT ?? 3001), process.env.HOST ?? '127.0.0.1');
}

if (require.main === module) void bootstrap();
