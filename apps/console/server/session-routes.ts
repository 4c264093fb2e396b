import express, { Router, type Request, type Response } from 'express';
import type { ConsoleConfig } from './config';
import { sendProblem } from './problem';
import { csrfProblem, forwardedFor, safeReturnPath, signInProblem } from './request-checks';
import { csrfTokenOf, OIDC_FLOW_COOKIE, SESSION_COOKIE, type SessionCookies } from './session-cookies';
import { IdentityUnavailable, SessionRefused, type SessionAccess, type SessionTokens } from './session-tokens';

const OIDC_FLOW_MS = 10 * 60_000;

/** What the console's pages learn about the signed-in person (GET /session). */
function sessionBody(sessionToken: string, access: SessionAccess) {
  const { person } = access;
  return {
    person: { id: person.id, email: person.email, name: person.name, role: person.role },
    organisation: { id: person.organisationId, name: person.organisationName, role: person.organisationRole },
    csrfToken: csrfTokenOf(sessionToken),
    expiresAt: access.sessionExpiresAt,
  };
}

/** Passes the distributor's own problem (and its Retry-After) on to the browser. */
async function relayRefusal(from: globalThis.Response, response: Response): Promise<void> {
  const retryAfter = from.headers.get('retry-after');
  if (retryAfter) response.setHeader('Retry-After', retryAfter);
  const body = await from.json().catch(() => undefined);
  if (from.status >= 500 || !body) {
    sendProblem(response, 503, 'identity-unavailable', 'Sign-in is unavailable', 'the identity service did not answer; try again shortly');
    return;
  }
  response.status(from.status).type('application/problem+json').json(body);
}

export function sessionRoutes(config: ConsoleConfig, cookies: SessionCookies, tokens: SessionTokens): Router {
  const router = Router();
  const publicOrigin = new URL(config.publicUrl).origin;
  const json = express.json({ limit: '16kb' });

  async function startSession(response: Response, sessionToken: string, expiresAt: string): Promise<void> {
    cookies.set(response, SESSION_COOKIE, sessionToken, new Date(expiresAt));
    response.json(sessionBody(sessionToken, await tokens.accessFor(sessionToken)));
  }

  function unavailable(response: Response, error: unknown): void {
    if (!(error instanceof IdentityUnavailable)) throw error;
    response.setHeader('Retry-After', '5');
    sendProblem(response, 503, 'identity-unavailable', 'Sign-in is unavailable', 'the identity service cannot be reached; try again shortly');
  }

  router.get('/session', async (request: Request, response: Response) => {
    const sessionToken = cookies.read(request, SESSION_COOKIE);
    if (!sessionToken) return sendProblem(response, 401, 'unauthenticated', 'Not signed in', 'sign in first');
    try {
      response.setHeader('Cache-Control', 'no-store');
      response.json(sessionBody(sessionToken, await tokens.accessFor(sessionToken)));
    } catch (error) {
      if (!(error instanceof SessionRefused)) return unavailable(response, error);
      cookies.clear(response, SESSION_COOKIE);
      sendProblem(response, 401, 'unauthenticated', 'Session ended', 'the session has expired or was revoked; sign in again');
    }
  });

  router.post('/session/sign-in', json, async (request: Request, response: Response) => {
    const refused = signInProblem(request, publicOrigin);
    if (refused) return sendProblem(response, 403, 'forbidden', 'Forbidden', refused);
    try {
      const answer = await tokens.post('/auth/sign-in', request.body, forwardedFor(request));
      if (answer.status !== 201) return await relayRefusal(answer, response);
      const session = (await answer.json()) as { sessionToken: string; expiresAt: string };
      await startSession(response, session.sessionToken, session.expiresAt);
    } catch (error) {
      unavailable(response, error);
    }
  });

  router.post('/session/sign-out', async (request: Request, response: Response) => {
    const sessionToken = cookies.read(request, SESSION_COOKIE);
    if (sessionToken) {
      const refused = csrfProblem(request, sessionToken, publicOrigin);
      if (refused) return sendProblem(response, 403, 'csrf', 'Forbidden', refused);
      tokens.forget(sessionToken);
      try {
        await tokens.post('/auth/sign-out', { sessionToken });
      } catch (error) {
        return unavailable(response, error);
      }
    }
    cookies.clear(response, SESSION_COOKIE);
    response.status(204).end();
  });

  router.get('/session/oidc/start', async (request: Request, response: Response) => {
    const organisationId = request.query.organisation;
    if (typeof organisationId !== 'string' || organisationId === '') {
      return sendProblem(response, 400, 'validation', 'Bad request', 'name the organisation: ?organisation=<id>');
    }
    try {
      const answer = await tokens.post(
        '/auth/oidc/authorization',
        { organisationId, redirectUri: `${config.publicUrl}/session/oidc/callback` },
        forwardedFor(request),
      );
      if (answer.status !== 201) return await relayRefusal(answer, response);
      const flow = (await answer.json()) as { authorizationUrl: string; flowId: string };
      const state = JSON.stringify({ flowId: flow.flowId, returnTo: safeReturnPath(request.query.returnTo) });
      cookies.set(response, OIDC_FLOW_COOKIE, state, new Date(Date.now() + OIDC_FLOW_MS));
      response.redirect(302, flow.authorizationUrl);
    } catch (error) {
      unavailable(response, error);
    }
  });

  router.get('/session/oidc/callback', async (request: Request, response: Response) => {
    const stored = cookies.read(request, OIDC_FLOW_COOKIE);
    cookies.clear(response, OIDC_FLOW_COOKIE);
    let flow: { flowId?: unknown; returnTo?: unknown } = {};
    try {
      flow = stored ? (JSON.parse(stored) as typeof flow) : {};
    } catch {
      // a mangled cookie is a missing one
    }
    if (typeof flow.flowId !== 'string') {
      return sendProblem(response, 400, 'oidc-flow', 'Sign-in not started here', 'start the sign-in from the console again');
    }
    try {
      const answer = await tokens.post('/auth/oidc/callback', {
        flowId: flow.flowId,
        callbackUrl: `${config.publicUrl}${request.originalUrl}`,
      });
      if (answer.status !== 201) return await relayRefusal(answer, response);
      const session = (await answer.json()) as { sessionToken: string; expiresAt: string };
      cookies.set(response, SESSION_COOKIE, session.sessionToken, new Date(session.expiresAt));
      response.redirect(302, safeReturnPath(flow.returnTo));
    } catch (error) {
      unavailable(response, error);
    }
  });

  return router;
}
