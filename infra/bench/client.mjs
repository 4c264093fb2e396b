// Every HTTP call the bench makes to the services goes through here, with headers from one
// function, so that authentication is wired in one place.
import { readApiKey, tradeApiKey } from '../identity/credentials.mjs';

export class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`.slice(0, 600));
    this.status = status;
    this.body = body;
  }
}

/**
 * @param {{ urls: Record<string, string>, dataDir?: string }} options urls by role
 *   (buyer, distributor, supplier, carrier, payment-gateway)
 */
export function servicesClient({ urls, dataDir }) {
  const tokens = new Map();
  const exchanges = new Map();

  /** A bearer token for an organisation, from its API key in the stack's credentials folder. */
  async function tokenFor(organisationId) {
    const cached = tokens.get(organisationId);
    if (cached && cached.expiresAt > Date.now() + 30_000) return cached.token;
    // One exchange at a time per organisation, however many orders ask at once.
    const exchange = exchanges.get(organisationId) ?? exchangeKey(organisationId).finally(() => exchanges.delete(organisationId));
    exchanges.set(organisationId, exchange);
    return exchange;
  }

  async function exchangeKey(organisationId) {
    if (!dataDir) return undefined;
    const apiKey = readApiKey(dataDir, organisationId);
    if (!apiKey) return undefined;
    const { accessToken, expiresIn } = await tradeApiKey(`${urls.distributor}/auth/token`, apiKey);
    tokens.set(organisationId, { token: accessToken, expiresAt: Date.now() + expiresIn * 1000 });
    return accessToken;
  }

  async function headers(as) {
    const token = as ? await tokenFor(as) : undefined;
    return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  /** `as` is the organisation the call is made for (its token is used once keys exist). */
  async function call(method, role, path, { body, as, allow = [], headers: extra = {} } = {}) {
    const url = `${urls[role]}${path}`;
    const res = await fetch(url, {
      method,
      headers: { ...(await headers(as)), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    if (res.ok) return parsed;
    if (allow.includes(res.status)) return { status: res.status, problem: parsed };
    throw new HttpError(method, url, res.status, parsed);
  }

  return {
    tokenFor,
    get: (role, path, opts) => call('GET', role, path, opts),
    post: (role, path, body, opts) => call('POST', role, path, { ...opts, body }),
    put: (role, path, body, opts) => call('PUT', role, path, { ...opts, body }),
  };
}
