import { Module, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { processLogger } from './process-logger';
import { loggableUrl } from './redaction';

export const LOG_SERVICE = Symbol('tradelane:log-service');

/**
 * nestjs-pino over the process logger: Nest's own lines and one line per request, JSON, with the
 * ids the request context binds. Request lines name method, path and status, never headers.
 */
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => ({
            pinoHttp: {
              logger: processLogger(),
              // the request context middleware set req.id already (X-Request-Id or a new one)
              genReqId: (req: IncomingMessage) => req.id ?? '',
              serializers: {
                req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggableUrl(req.url ?? '') }),
                res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
              },
              // A refused request is the caller's to fix; ours are the failures.
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : 'info',
              // Probes and scrapes come every few seconds and say nothing about orders.
              autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)\b/.test(req.url ?? '') },
            },
          }),
        }),
      ],
      providers: [{ provide: LOG_SERVICE, useValue: service }],
      exports: [LOG_SERVICE],
    };
  }
}
