import { createHash } from 'node:crypto';

/** Who a session speaks for, as the distributor's POST /auth/session-token answers it. */
export interface SessionPerson {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  organisationId: string;
  organisationName: string;
  organisationRole: string;
}

export interface SessionAccess {
  accessToken: string;
  person: SessionPerson;
  sessionExpiresAt: string;
}

/** The distributor answered, but not with an access: the session is unknown, expired or revoked. */
export class SessionRefused extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`the distributor refused the session (${status})`);
  }
}

/** The distributor could not be reached or failed. */
export class IdentityUnavailable extends Error {}

/**
 * Trades the session cookie's token for an access token at the distributor, and reuses it for a
 * few seconds: often enough that a revoked or expired session stops within that time, rarely
 * enough that a page's polls do not each cost a round trip.
 */
export class SessionTokens {
  private readonly cache = new Map<string, { access: SessionAccess; until: number }>();

  constructor(
    private readonly distributorUrl: string,
    private readonly recheckSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async accessFor(sessionToken: string): Promise<SessionAccess> {
    const key = createHash('sha256').update(sessionToken).digest('hex');
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.access;
    this.cache.delete(key);
    const answer = await this.post('/auth/session-token', { sessionToken });
    const body = (await answer.json().catch(() => undefined)) as (SessionAccess & { expiresIn: number }) | undefined;
    if (!answer.ok || !body) {
      if (answer.status >= 500 || !body) throw new IdentityUnavailable(`the distributor answered ${answer.status}`);
      throw new SessionRefused(answer.status, body);
    }
    const reuseMs = Math.min(this.recheckSeconds, Math.max(0, body.expiresIn - 30)) * 1000;
    if (reuseMs > 0) {
      this.prune();
      this.cache.set(key, { access: body, until: this.now() + reuseMs });
    }
    return body;
  }

  forget(sessionToken: string): void {
    this.cache.delete(createHash('sha256').update(sessionToken).digest('hex'));
  }

  /** POSTs JSON to the distributor, forwarding the person's address so its per-address limits see them. */
  async post(path: string, body: unknown, forwardedFor?: string): Promise<globalThis.Response> {
    try {
      return await fetch(`${this.distributorUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new IdentityUnavailable(`the distributor at ${this.distributorUrl} cannot be reached: ${(error as Error).message}`);
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
  }
}
