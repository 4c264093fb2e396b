import type { IncomingMessage, ServerResponse } from 'node:http';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { API_SERVICES, type ConsoleConfig } from './config';
import { sendProblem } from './problem';
import { csrfProblem, forwardedFor, isChanging } from './request-checks';
import { SESSION_COOKIE, type SessionCookies } from './session-cookies';
import { IdentityUnavailable, SessionRefused, type SessionTokens } from './session-tokens';

const BEARER = Symbol('tradelane:console-bearer');
type Signed = IncomingMessage & { [BEARER]?: string };

/**
 * /api/<service>/<path> reaches that service's API at <path> as the signed-in person: the session
 * cookie stays here and the service sees only a short-lived bearer token, so the services stay
 * plain APIs that know nothing of cookies.
 */
export function apiProxy(config: ConsoleConfig, cookies: SessionCookies, tokens: SessionTokens): Router {
  const router = Router();
  const publicOrigin = new URL(config.publicUrl).origin;

  async function signRequest(request: Request, response: Response, next: NextFunction): Promise<void> {
    const sessionToken = cookies.read(request, SESSION_COOKIE);
    if (!sessionToken) return sendProblem(response, 401, 'unauthenticated', 'Not signed in', 'sign in to the console first');
    if (isChanging(request)) {
      const refused = csrfProblem(request, sessionToken, publicOrigin);
      if (refused) return sendProblem(response, 403, 'csrf', 'Forbidden', refused);
    }
    try {
      (request as Signed)[BEARER] = (await tokens.accessFor(sessionToken)).accessToken;
      next();
    } catch (error) {
      if (error instanceof SessionRefused) {
        cookies.clear(response, SESSION_COOKIE);
        return sendProblem(response, 401, 'unauthenticated', 'Session ended', 'the session has expired or was revoked; sign in again');
      }
      if (!(error instanceof IdentityUnavailable)) return next(error);
      response.setHeader('Retry-After', '5');
      sendProblem(response, 503, 'identity-unavailable', 'Sign-in is unavailable', 'the identity service cannot be reached; try again shortly');
    }
  }

  // What the services serve for operators' scrapers is not theirs to read through the console.
  function refuseOperatorPaths(request: Request, response: Response, next: NextFunction): void {
    if (!/^\/metrics(\/|$)/.test(request.path)) return next();
    sendProblem(response, 404, 'not-found', 'Not found', 'service metrics are for the operators\' scraper, not served through the console');
  }

  for (const service of API_SERVICES) {
    const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
      target: config.services[service],
      changeOrigin: true,
      xfwd: false,
      proxyTimeout: 60_000,
      on: {
        proxyReq(proxyRequest, request) {
          proxyRequest.removeHeader('cookie');
          proxyRequest.removeHeader('x-csrf-token');
          proxyRequest.removeHeader('origin');
          proxyRequest.setHeader('authorization', `Bearer ${(request as Signed)[BEARER]}`);
          const address = forwardedFor(request as Request);
          if (address) proxyRequest.setHeader('x-forwarded-for', address);
        },
        proxyRes(proxyResponse) {
          proxyResponse.headers['cache-control'] ??= 'private, no-cache';
          delete proxyResponse.headers['set-cookie'];
        },
        error(error, _request, response) {
          const res = response as ServerResponse;
          if (res.headersSent || typeof res.writeHead !== 'function') return void res.end?.();
          res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '5' });
          res.end(
            JSON.stringify({
              type: 'urn:tradelane:problem:service-unavailable',
              title: 'Service unavailable',
              status: 503,
              detail: `the ${service} service cannot be reached (${(error as NodeJS.ErrnoException).code ?? error.message}); try again shortly`,
            }),
          );
        },
      },
    });
    router.use(`/api/${service}`, refuseOperatorPaths, signRequest, proxy);
  }
  router.use('/api', (request: Request, response: Response) =>
    sendProblem(response, 404, 'not-found', 'Not found', `no service is called that; the console reaches ${API_SERVICES.join(', ')} under /api/<service>/`),
  );
  return router;
}
