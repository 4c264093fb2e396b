import { createHash } from 'node:crypto';
import { parse, serialize, type SerializeOptions } from 'cookie';
import type { Request, Response } from 'express';
import type { ConsoleConfig } from './config';

export const SESSION_COOKIE = 'tl_session';
export const OIDC_FLOW_COOKIE = 'tl_oidc_flow';

/** The console's cookies: never readable by scripts, Secure wherever the console is not plain-http localhost. */
export class SessionCookies {
  private readonly base: SerializeOptions;

  constructor(config: ConsoleConfig) {
    this.base = {
      httpOnly: true,
      secure: config.publicUrl.startsWith('https:'),
      sameSite: config.sameSite === 'Strict' ? 'strict' : 'lax',
      path: '/',
    };
  }

  read(request: Request, name: string): string | undefined {
    const header = request.headers.cookie;
    return header ? parse(header)[name] : undefined;
  }

  set(response: Response, name: string, value: string, expires: Date): void {
    response.append('Set-Cookie', serialize(name, value, { ...this.base, expires }));
  }

  clear(response: Response, name: string): void {
    response.append('Set-Cookie', serialize(name, '', { ...this.base, expires: new Date(0) }));
  }
}

/**
 * The CSRF token of a session: derived from the session's secret, which only the HttpOnly cookie
 * holds, so a page on another origin can neither read nor compute it.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`tradelane-console-csrf:${sessionToken}`).digest('base64url');
}
