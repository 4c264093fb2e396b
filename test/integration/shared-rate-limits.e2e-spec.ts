import { randomUUID } from 'node:crypto';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';
import { startReplicas, type Replicas } from '../support/replicas';

/** Two replicas of every service on one database count against one allowance, not one each. */
describe('rate limits shared by replicas', () => {
  let system: Replicas;
  const limits = { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_TOKEN_PER_MINUTE: '4' };

  beforeAll(async () => {
    const saved = Object.fromEntries(Object.keys(limits).map((name) => [name, process.env[name]]));
    Object.assign(process.env, limits);
    try {
      system = await startReplicas();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
  afterAll(async () => {
    await system?.close();
  });

  it('lets an organisation make its allowance once across both replicas, then answers 429 on either', async () => {
    const [a, b] = system.replicas;
    const statuses: string[] = [];
    let limited;
    for (let i = 0; i < 10; i += 1) {
      const replica = i % 2 === 0 ? a : b;
      const res = await replica.as('tradelane-audit').distributor.get('/transfer-notices');
      statuses.push(`${i % 2 === 0 ? 'A' : 'B'}${res.status}`);
      if (res.status === 429) limited = res;
    }
    // Each replica alone would have allowed 6: 10 requests, 5 to each, would all have passed.
    expect(statuses).toEqual(['A200', 'B200', 'A200', 'B200', 'A200', 'B200', 'A429', 'B429', 'A429', 'B429']);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited!.body).toEqual(expect.objectContaining({ type: `${PROBLEM_TYPE_BASE}rate-limited`, status: 429 }));
    // Counted in the distributor's schema, one row per key for both replicas.
    const rows = await a.db.query(`SELECT key, points FROM distributor.rate_limits WHERE key LIKE '%tradelane-audit'`);
    expect(rows.rows).toEqual([{ key: 'per-organisation:organisation:tradelane-audit', points: 10 }]);
    // Another organisation, and another service, have allowances of their own.
    await b.as('tradelane-ops').distributor.get('/transfer-notices').expect(200);
    await a.as('tradelane-audit').buyer.get(`/orders/${randomUUID()}/confirmation`).expect(404);
  });

  it('limits token requests from one client address across both replicas', async () => {
    const [a, b] = system.replicas;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const replica = i % 2 === 0 ? a : b;
      statuses.push((await replica.http.distributor.post('/auth/token').send({ apiKey: 'x' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
