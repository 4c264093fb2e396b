import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '@tradelane/platform';
import { paymentGatewayApi } from './api';
import { PaymentGatewayModule } from './payment-gateway.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(PaymentGatewayModule);
  configureApp(app, paymentGatewayApi);
  await app.listen(Number(process.env.PORT ?? 3005), process.env.HOST ?? '127.0.0.1');
}

if (require.main === module) void bootstrap();
