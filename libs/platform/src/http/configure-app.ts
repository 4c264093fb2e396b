import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

export interface AppDescription {
  title: string;
  description: string;
}

export const MAX_JSON_BODY = '2mb';

/** Called by every service's main.ts and by the tests, so tests exercise what runs. */
export function configureApp(app: INestApplication, about: AppDescription): INestApplication {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: MAX_JSON_BODY });
  express.disable('x-powered-by');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(about.title).setDescription(about.description).setVersion('0.1.0').build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
