import { csrfHeaders, setCsrfToken } from './http';
import { ApiError, toProblem } from './problem';
import type { Session } from './types';

async function sessionCall(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...csrfHeaders(method) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function readSession(response: Response): Promise<Session> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = new ApiError(response.status, toProblem(response.status, body, response.statusText));
    throw Object.assign(error, { retryAfter: response.headers.get('Retry-After') });
  }
  const session = body as Session;
  setCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in person, or null when nobody is signed in (401). */
export async function currentSession(): Promise<Session | null> {
  const response = await sessionCall('GET', '/session');
  if (response.status === 401) return null;
  return readSession(response);
}

export async function signIn(email: string, password: string): Promise<Session> {
  return readSession(await sessionCall('POST', '/session/sign-in', { email, password }));
}

export async function signOut(): Promise<void> {
  await sessionCall('POST', '/session/sign-out');
  setCsrfToken('');
}

export function oidcStartUrl(organisationId: string, returnTo: string): string {
  return `/session/oidc/start?${new URLSearchParams({ organisation: organisationId, returnTo }).toString()}`;
}

/** A 423 answer: the account is locked out for Retry-After seconds (or until a date). */
export function lockedOutFor(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 423) return null;
  const retryAfter = (error as ApiError & { retryAfter?: string | null }).retryAfter;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = retryAfter ? Date.parse(retryAfter) : NaN;
  return Number.isNaN(at) ? 0 : Math.max(0, Math.round((at - Date.now()) / 1000));
}
