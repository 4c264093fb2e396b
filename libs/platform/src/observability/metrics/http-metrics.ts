import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Metrics } from './metrics';

/** The route label of every request no route handled (unknown paths, static files of the docs UI). */
export const UNMATCHED_ROUTE = 'unmatched';

const HANDLED_BY = Symbol('tradelane:route-template');

type TimedRequest = Request & { [HANDLED_BY]?: string };

/** The route's template (`/orders/:id`), never the concrete path, so the label has as many values as the API has routes. */
export function routeTemplate(req: Pick<Request, 'route' | 'baseUrl'>): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}

/**
 * Notes the template of the Nest route that takes the request, before any other guard can refuse
 * it. Express keeps `req.route` of the last route the request passed through, and Nest runs its
 * middleware as catch-all routes (`/{*path}`): for a path no controller has, that is all there is.
 */
export class RouteTemplateGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<TimedRequest>();
      req[HANDLED_BY] = routeTemplate(req);
    }
    return true;
  }
}

/** The label of an answered request: its Nest route, else a plain Express route that answered, else unmatched. */
export function routeLabel(req: TimedRequest, status: number): string {
  return req[HANDLED_BY] ?? (status === 404 ? UNMATCHED_ROUTE : routeTemplate(req));
}

/**
 * Times every request from its arrival to the last byte of its answer, labelled by method, route
 * template and status. Express middleware rather than a Nest interceptor: it also sees the answers
 * that guards, the body parser and the not-found handler give, which interceptors never do.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  const duration = metrics.histogram({
    name: 'tradelane_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, from arrival to the end of the answer',
    labelNames: ['method', 'route', 'status'] as const,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe({ method: req.method, route: routeLabel(req, res.statusCode), status: String(res.statusCode) }, seconds);
    });
    next();
  };
}
