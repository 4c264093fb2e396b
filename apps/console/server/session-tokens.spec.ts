import { SessionRefused, SessionTokens, IdentityUnavailable } from './session-tokens';

describe('session tokens at the console server', () => {
  const person = { id: 'p1', email: 'clerk@acme-steel.example', name: 'Clerk', role: 'member', organisationId: 'acme-steel', organisationName: 'Acme', organisationRole: 'supplier' };
  let now = 0;
  let calls = 0;
  let answer: () => Response;
  beforeEach(() => {
    now = 1_000_000;
    calls = 0;
    answer = () => new Response(JSON.stringify({ accessToken: `t${calls}`, expiresIn: 300, sessionExpiresAt: 'x', person }), { status: 201 });
    global.fetch = jest.fn(async () => {
      calls += 1;
      return answer();
    }) as unknown as typeof fetch;
  });

  it('reuses an access token for the recheck time only, so a revoked session ends within it', async () => {
    const tokens = new SessionTokens('http://distributor', 10, () => now);
    expect((await tokens.accessFor('s')).accessToken).toBe('t1');
    now += 9_000;
    expect((await tokens.accessFor('s')).accessToken).toBe('t1');
    now += 2_000;
    answer = () => new Response(JSON.stringify({ type: 'urn:tradelane:problem:unauthenticated', status: 401 }), { status: 401 });
    await expect(tokens.accessFor('s')).rejects.toBeInstanceOf(SessionRefused);
    expect(calls).toBe(2);
  });

  it('checks every time with a recheck time of 0, and tells an unreachable distributor from a refusal', async () => {
    const tokens = new SessionTokens('http://distributor', 0, () => now);
    await tokens.accessFor('s');
    await tokens.accessFor('s');
    expect(calls).toBe(2);
    answer = () => new Response('bad gateway', { status: 502 });
    await expect(tokens.accessFor('s')).rejects.toBeInstanceOf(IdentityUnavailable);
  });
});
