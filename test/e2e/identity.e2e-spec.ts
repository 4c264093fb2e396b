import { readFileSync } from 'node:fs';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';
import { startStack, type Stack } from '../support/stack';

/** An operator registers an organisation and its key; the key buys tokens until it is revoked. */
describe('organisations, API keys and access tokens', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const operator = () => stack.as('tradelane-ops').distributor;

  it('issues a key once, keeps only its hash, trades it for a token and stops at revocation', async () => {
    await operator().post('/organisations').send({ id: 'kessler-antriebe', role: 'buyer', name: 'Kessler Antriebe AG' }).expect(201);
    const dup = await stack.as('tradelane-ops', 'operator').distributor
      .post('/organisations')
      .send({ id: 'kessler-antriebe', role: 'buyer', name: 'again' })
      .expect(409);
    expect(dup.body.type).toBe(`${PROBLEM_TYPE_BASE}conflict`);

    const issued = (await operator().post('/organisations/kessler-antriebe/api-keys').send({ label: 'erp' }).expect(201)).body;
    expect(issued.apiKey).toMatch(/^tl_[0-9a-f]{16}_/);
    const stored = await stack.db.query(`SELECT secret_sha256 FROM distributor.api_keys WHERE id = $1`, [issued.id]);
    expect(stored.rows[0].secret_sha256).toHaveLength(64);
    expect(issued.apiKey).not.toContain(stored.rows[0].secret_sha256);
    const listed = (await operator().get('/organisations/kessler-antriebe/api-keys').expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: issued.id, label: 'erp', revokedAt: null })]);
    // The secret is base64url and may itself contain '_': it is everything after the key id.
    const secret = issued.apiKey.slice(`tl_${issued.id}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const token = (await stack.http.distributor.post('/auth/token').send({ apiKey: issued.apiKey }).expect(201)).body;
    expect(token).toEqual(expect.objectContaining({ tokenType: 'Bearer', organisationId: 'kessler-antriebe', role: 'buyer', expiresIn: 3600 }));
    const orders = await stack.http.distributor.get('/orders').set('Authorization', `Bearer ${token.accessToken}`).expect(200);
    expect(orders.body).toEqual({ items: [], nextCursor: null });
    await stack.http.distributor.get('/party-terms').set('Authorization', `Bearer ${token.accessToken}`).expect(403);

    const revoked = await operator().delete(`/organisations/kessler-antriebe/api-keys/${issued.id}`).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await stack.http.distributor.post('/auth/token').send({ apiKey: issued.apiKey }).expect(401);
    expect(refused.body).toEqual(expect.objectContaining({ type: `${PROBLEM_TYPE_BASE}unauthenticated`, status: 401 }));
    // Tokens already out lapse at their expiry (IDENTITY_TOKEN_TTL_SECONDS; unit-tested with a clock).
    await stack.http.distributor.get('/orders').set('Authorization', `Bearer ${token.accessToken}`).expect(200);
  });

  it('refuses a guessed or malformed key the same way, naming no internals', async () => {
    const real = readFileSync(`${process.env.IDENTITY_BOOTSTRAP_FILE}`, 'utf8');
    const buyerKey: string = JSON.parse(real).organisations.find((o: { id: string }) => o.id === 'muster-maschinenbau').apiKey;
    const guessed = buyerKey.slice(0, -2) + (buyerKey.endsWith('AA') ? 'BB' : 'AA');
    const wrong = await stack.http.distributor.post('/auth/token').send({ apiKey: guessed }).expect(401);
    const malformed = await stack.http.distributor.post('/auth/token').send({ apiKey: 'hello' }).expect(401);
    expect(wrong.body.detail).toBe(malformed.body.detail);
    const missing = await stack.http.distributor.post('/auth/token').send({}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['apiKey']));
    expect(new Set(missing.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['apiKey']));
  });

});

describe('rate limits', () => {
  let stack: Stack;
  const limits = { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_TOKEN_PER_MINUTE: '4' };

  beforeAll(async () => {
    // Low limits for this stack only, so that the limiter can be seen answering 429.
    const saved = Object.fromEntries(Object.keys(limits).map((name) => [name, process.env[name]]));
    Object.assign(process.env, limits);
    try {
      stack = await startStack();
    } finally {
      Object.assign(process.env, saved);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('limits each organisation per minute and each client address on the token endpoint, with Retry-After', async () => {
    const auditor = stack.as('tradelane-audit').distributor;
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 7; i += 1) {
      const res = await auditor.get('/transfer-notices');
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited!.body).toEqual(expect.objectContaining({ type: `${PROBLEM_TYPE_BASE}rate-limited`, status: 429 }));
    // Another organisation has an allowance of its own.
    await stack.as('tradelane-ops').distributor.get('/transfer-notices').expect(200);

    const tokenStatuses: number[] = [];
    for (let i = 0; i < 6; i += 1) tokenStatuses.push((await stack.http.distributor.post('/auth/token').send({ apiKey: 'x' })).status);
    expect(tokenStatuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
