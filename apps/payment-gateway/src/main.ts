// First: tracing patches http, pg and fetch as they load.
import '../../../libs/platform/src/observability/tracing/register';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp, httpConfig } from '@tradelane/platform';
import { paymentGatewayApi } from './api';
import { PaymentGatewayModule } from './payment-gateway.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(PaymentGatewayModule, { bufferLogs: true });
  configureApp(app, paymentGatewayApi);
  const { port, host } = httpConfig();
  await app.listen(port ?? 3005, host);
}

if (require.main === module) void bootstrap();
