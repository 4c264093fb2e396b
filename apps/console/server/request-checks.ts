import type { Request } from 'express';
import { csrfTokenOf } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isChanging(request: Request): boolean {
  return !SAFE_METHODS.has(request.method);
}

/**
 * A changing request must come from the console's own pages: it carries the session's CSRF token
 * in X-CSRF-Token (which another origin cannot read), and a browser's Origin, when sent, is ours.
 */
export function csrfProblem(request: Request, sessionToken: string, publicOrigin: string): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== publicOrigin) return `requests from ${origin} are not accepted`;
  const presented = request.headers['x-csrf-token'];
  if (presented !== csrfTokenOf(sessionToken)) return 'send the X-CSRF-Token header that GET /session gives';
  return undefined;
}

/** Sign-in has no session yet: it must be JSON (which a cross-site form cannot send) from our origin. */
export function signInProblem(request: Request, publicOrigin: string): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== publicOrigin) return `sign-in from ${origin} is not accepted`;
  if (!request.is('application/json')) return 'send the sign-in as application/json';
  return undefined;
}

/** Where to go after an OIDC sign-in: a path of this console only, never another site. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/';
}

/** The caller's address as the services should see it for their per-address limits. */
export function forwardedFor(request: Request): string | undefined {
  return request.socket.remoteAddress;
}
