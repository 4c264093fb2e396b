import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DEPENDENCY_RETRY_AFTER_SECONDS, dependencyUnavailableProblem, unavailableDependencyOf } from './dependency-unavailable';
import { PROBLEM_TYPE_BASE, type ProblemDetails } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Request cannot be processed',
  429: 'Too many requests',
};

/**
 * Every error leaves as RFC 9457 problem details. Known errors keep their status; PostgreSQL or
 * Temporal out of reach is a 503 with Retry-After naming which; anything else is a 500 with an
 * error id that is also logged, and no internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl?.split('?')[0];
    if (problem.status === 503) {
      response.setHeader('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
      if (!(exception instanceof HttpException)) {
        this.logger.warn(`${request.method} ${request.originalUrl}: ${problem.detail} (${exception instanceof Error ? exception.message : String(exception)})`);
      }
    } else if (problem.status >= 500) {
      problem.errorId = randomUUID();
      this.logger.error(
        `errorId=${problem.errorId} ${request.method} ${request.originalUrl}`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body) {
        return { ...(body as ProblemDetails), status };
      }
      if (status >= 500) return this.internal();
      const message =
        typeof body === 'string'
          ? body
          : Array.isArray((body as { message?: unknown }).message)
            ? ((body as { message: string[] }).message).join('; ')
            : String((body as { message?: unknown }).message ?? exception.message);
      // Nest turns body-parser's SyntaxError into a bare 400; say what was wrong with the body.
      const detail = status === 400 && /JSON/.test(message) ? `request body is not valid JSON (${message})` : message;
      return { type: `${PROBLEM_TYPE_BASE}http-${status}`, title: TITLES[status] ?? 'Request failed', status, detail };
    }
    // Errors raised by the body parser (malformed JSON, body too large) carry a 4xx status of their own.
    const status = (exception as { status?: unknown; statusCode?: unknown })?.status ??
      (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const kind = (exception as { type?: string }).type;
      const detail =
        kind === 'entity.too.large'
          ? 'request body is larger than allowed'
          : kind === 'entity.parse.failed'
            ? 'request body is not valid JSON'
            : TITLES[status] ?? 'bad request';
      return { type: `${PROBLEM_TYPE_BASE}http-${status}`, title: TITLES[status] ?? 'Request failed', status, detail };
    }
    const dependency = unavailableDependencyOf(exception);
    if (dependency) return dependencyUnavailableProblem(dependency);
    return this.internal();
  }

  private internal(): ProblemDetails {
    return {
      type: `${PROBLEM_TYPE_BASE}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'The request failed on our side; quote the error id when reporting it.',
    };
  }
}
