import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { apiProxy } from './api-proxy';
import type { ConsoleConfig } from './config';
import { sendProblem } from './problem';
import { SessionCookies } from './session-cookies';
import { sessionRoutes } from './session-routes';
import { SessionTokens } from './session-tokens';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The console: its built pages, the sign-in session, and the services' APIs on the same origin. */
export function createConsoleServer(config: ConsoleConfig): Express {
  if (!existsSync(join(config.staticDir, 'index.html'))) {
    throw new Error(`CONSOLE_STATIC_DIR: ${config.staticDir} has no index.html; run npm run build`);
  }
  const cookies = new SessionCookies(config);
  const tokens = new SessionTokens(config.services.distributor, config.recheckSeconds);
  const app = express();
  app.disable('x-powered-by');
  app.use((_request: Request, response: Response, next: NextFunction) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    next();
  });
  app.get('/health', (_request, response) => void response.json({ status: 'ok' }));
  app.use(sessionRoutes(config, cookies, tokens));
  app.use(apiProxy(config, cookies, tokens));
  app.use(
    '/assets',
    express.static(join(config.staticDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  app.use(express.static(config.staticDir, { index: false, maxAge: 0 }));
  // Every other page is the console's own route: the single page decides what it shows.
  app.get(/^\/(?!api\/|session\/).*/, (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(config.staticDir, 'index.html'));
  });
  app.use((error: Error & { status?: number }, _request: Request, response: Response, _next: NextFunction) => {
    if (error.status === 404) return sendProblem(response, 404, 'not-found', 'Not found', 'no such file');
    console.error(`[console] ${error.stack ?? error.message}`);
    if (!response.headersSent) sendProblem(response, 500, 'internal', 'Internal error', 'the console server failed; see its log');
  });
  return app;
}
