import type { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AccessGuard } from '../auth/access.guard';
import { AccessTokenVerifier } from '../auth/access-token';
import { identityConfig } from '../auth/identity.config';
import { httpConfig } from '../config/http.config';
import { RateLimiter } from '../auth/rate-limiter';
import { Metrics } from '../observability/metrics/metrics';
import { httpMetrics, RouteTemplateGuard } from '../observability/metrics/http-metrics';
import { Logger } from 'nestjs-pino';
import { CallerLogContextInterceptor } from '../observability/logging/caller-log-context.interceptor';
import { LOG_SERVICE } from '../observability/logging/logging.module';
import { requestLogContext } from '../observability/logging/request-context';
import { faultInjector } from '../faults/fault-injector';
import { httpFaults } from '../faults/http-faults';
import { ProblemDetailsFilter } from './problem-details.filter';
import { publishApiDocument, type AppDescription } from './openapi';
import { createValidationPipe } from './validation';

export type { AppDescription } from './openapi';

export const MAX_JSON_BODY = '2mb';

/** Called by every service's main.ts and by the tests, so tests exercise what runs. */
export function configureApp(app: INestApplication, about: AppDescription): INestApplication {
  const express = app as NestExpressApplication;
  app.useLogger(app.get(Logger));
  // What Nest said while the app was made (bufferLogs) goes to the same logger now.
  app.flushLogs();
  // Before everything else, so that every line and span of the request names its id and service.
  express.use(requestLogContext(app.get(LOG_SERVICE)));
  // First, so that answers the body parser or a guard gives are timed too.
  express.use(httpMetrics(app.get(Metrics)));
  // Only with TRADELANE_FAULTS (the chaos run); refused in production.
  const faults = faultInjector();
  if (faults) express.use(httpFaults(faults));
  app.useGlobalGuards(new RouteTemplateGuard());
  express.useBodyParser('json', { limit: MAX_JSON_BODY });
  express.disable('x-powered-by');
  const { trustProxy } = httpConfig();
  // The console's server signs people in on their behalf; their own address must reach the limits.
  if (trustProxy) express.set('trust proxy', trustProxy);
  const identity = identityConfig();
  // Counted in the service's own schema, so every replica counts against one allowance.
  const dataSource = app.get(DataSource);
  app.useGlobalGuards(
    new AccessGuard(
      app.get(Reflector),
      AccessTokenVerifier.fromPem(identity.publicKeys),
      RateLimiter.inDatabase(dataSource, 'per-organisation', identity.rateLimitPerMinute),
      RateLimiter.inDatabase(dataSource, 'per-client-address', identity.tokenRateLimitPerMinute),
    ),
  );
  app.useGlobalInterceptors(new CallerLogContextInterceptor());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  publishApiDocument(app, about);
  return app;
}
