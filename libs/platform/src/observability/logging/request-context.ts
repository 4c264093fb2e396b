import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { trace } from '@opentelemetry/api';
import { SERVICE_ATTRIBUTE } from '../tracing/attributes';
import { withLogContext } from './log-context';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept when it could not break a log line or a header: short, plain characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: Request): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The first middleware of every service: the request id (the caller's, or a new one, echoed in
 * the response) and the service are bound for everything this request runs, logs and traces.
 */
export function requestLogContext(service: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdOf(req);
    (req as Request & { id?: string }).id = requestId;
    res.setHeader('X-Request-Id', requestId);
    trace.getActiveSpan()?.setAttribute(SERVICE_ATTRIBUTE, service);
    withLogContext({ service, requestId }, next);
  };
}
