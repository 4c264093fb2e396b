import type { Middleware } from 'openapi-fetch';
import { ApiError, toProblem } from './problem';

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

type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * A call outside the generated types: for operations whose documents have not landed yet (people,
 * the paged order list). Same CSRF header and 401 handling as the typed clients.
 */
export async function request<T>(service: Service, method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/api/${service}${withQuery(path, options.query)}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...csrfHeaders(method) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401) sessionEnded();
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, body, response.statusText));
  return body as T;
}
