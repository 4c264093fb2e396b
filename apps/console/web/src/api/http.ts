import type { Middleware } from 'openapi-fetch';

export type Service = 'buyer' | 'distributor' | 'supplier' | 'carrier' | 'payment-gateway';

const CHANGING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

// The CSRF token comes with the session; it is the one value every changing request needs.
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}
export function csrfHeaders(method: string): Record<string, string> {
  return CHANGING.has(method.toUpperCase()) && csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export function signInPath(returnTo: string): string {
  return returnTo && returnTo !== '/' && !returnTo.startsWith('/sign-in') ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in';
}

/** The session has ended (a 401 from any API): sign in again and come back here. */
export function sessionEnded(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  if (!window.location.pathname.startsWith('/sign-in')) window.location.assign(signInPath(here));
}

export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(csrfHeaders(request.method))) request.headers.set(name, value);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) sessionEnded();
    return response;
  },
};
