import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';
import { startStack, type Stack } from '../support/stack';

const ORG = 'kessler-antriebe';
const REDIRECT_URI = 'http://127.0.0.1:9/console/auth/callback';
const CLIENT = { client_id: 'tradelane-console', client_secret: 'a secret only this test knows' };
/** The provider's accounts: the login typed into its form names one. */
const ACCOUNTS = {
  anna: { email: 'Anna.Kessler@kessler.example', email_verified: true, name: 'Anna Kessler' },
  carl: { email: 'carl@kessler.example', email_verified: true, name: 'Carl Neu' },
  ben: { email: 'ben@kessler.example', email_verified: false },
  acme: { email: 'admin@acme-steel.example', email_verified: true },
};

/** Starts test/support/oidc-provider.mjs and answers its issuer once it listens. */
async function startProvider(): Promise<{ issuer: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, '../support/oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_CONFIG: JSON.stringify({
        clients: [{ ...CLIENT, redirect_uris: [REDIRECT_URI], grant_types: ['authorization_code'], response_types: ['code'] }],
        accounts: ACCOUNTS,
      }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (!/WARNING/.test(chunk.toString())) process.stderr.write(chunk);
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the OIDC provider exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { issuer: (JSON.parse(line) as { issuer: string }).issuer, child };
}

/**
 * What a browser does at the provider: follows its redirects by hand, keeps its cookies, fills in
 * the devInteractions login form (any password) and the consent form, and stops at the redirect
 * back to us, whose URL it answers.
 */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    form = undefined;
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      if (url.startsWith(REDIRECT_URI)) return url;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form at ${url}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
  }
  throw new Error('the provider never sent the browser back');
}

describe('sign-in through an organisation’s own OpenID Connect provider', () => {
  let stack: Stack;
  let provider: { issuer: string; child: ChildProcess };

  beforeAll(async () => {
    provider = await startProvider();
    stack = await startStack();
    const operator = stack.as('tradelane-ops').distributor;
    await operator.post('/organisations').send({ id: ORG, role: 'buyer', name: 'Kessler Antriebe AG' }).expect(201);
    await operator
      .post(`/organisations/${ORG}/people`)
      .send({ email: 'anna.kessler@kessler.example', name: 'Anna Kessler', role: 'admin', password: 'a password anna never uses' })
      .expect(201);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    provider?.child.stdin!.end();
  });

  const http = () => stack.http.distributor;
  const operator = () => stack.as('tradelane-ops').distributor;
  const start = async () => (await http().post('/auth/oidc/authorization').send({ organisationId: ORG, redirectUri: REDIRECT_URI }).expect(201)).body;

  it('keeps an organisation’s provider without showing its secret, and takes plain http only on loopback addresses', async () => {
    const set = await operator()
      .put(`/organisations/${ORG}/identity-provider`)
      .send({ issuer: provider.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret })
      .expect(200);
    expect(set.body).toEqual({ organisationId: ORG, issuer: provider.issuer, clientId: CLIENT.client_id, createPeople: false, updatedAt: expect.any(String) });
    const read = await stack.as('tradelane-audit').distributor.get(`/organisations/${ORG}/identity-provider`).expect(200);
    expect(JSON.stringify(read.body)).not.toContain(CLIENT.client_secret);
    const plain = await operator()
      .put(`/organisations/${ORG}/identity-provider`)
      .send({ issuer: 'http://login.kessler.example', clientId: 'x', clientSecret: 'y' })
      .expect(422);
    expect(plain.body.errors).toEqual([{ field: 'issuer', message: expect.stringContaining('https') }]);
    await stack.as(ORG).distributor.put(`/organisations/${ORG}/identity-provider`).send({ issuer: provider.issuer, clientId: 'x', clientSecret: 'y' }).expect(403);
    await operator().get('/organisations/muster-maschinenbau/identity-provider').expect(404);
  });

  it('signs a person in: authorization, the provider’s login, callback, session, access token, a call as that person', async () => {
    const flow = await start();
    const asked = new URL(flow.authorizationUrl);
    expect(asked.origin).toBe(provider.issuer);
    expect(Object.fromEntries(asked.searchParams)).toEqual(
      expect.objectContaining({
        client_id: CLIENT.client_id,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        code_challenge_method: 'S256',
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        state: expect.any(String),
        nonce: expect.any(String),
      }),
    );
    const stored = (
      await stack.db.query(`SELECT extract(epoch FROM expires_at - created_at)::float AS lasts, used_at FROM distributor.oidc_flows WHERE id = $1`, [flow.flowId])
    ).rows[0];
    expect(Math.abs(stored.lasts - 600)).toBeLessThan(5);
    expect(stored.used_at).toBeNull();

    const callbackUrl = await signInAtProvider(flow.authorizationUrl, 'anna');
    const signedIn = await http().post('/auth/oidc/callback').send({ flowId: flow.flowId, callbackUrl }).expect(201);
    expect(signedIn.body).toEqual({
      sessionToken: expect.stringMatching(/^tls_/),
      expiresAt: expect.any(String),
      person: expect.objectContaining({ email: 'anna.kessler@kessler.example', role: 'admin', organisationId: ORG, organisationRole: 'buyer' }),
    });
    const token = (await http().post('/auth/session-token').send({ sessionToken: signedIn.body.sessionToken }).expect(201)).body;
    const claims = JSON.parse(Buffer.from(token.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toEqual(expect.objectContaining({ sub: ORG, act: 'anna.kessler@kessler.example', pid: signedIn.body.person.id, prl: 'admin' }));
    await http().get('/orders').set('Authorization', `Bearer ${token.accessToken}`).expect(200, { items: [], nextCursor: null });
    await http().get(`/organisations/${ORG}/people`).set('Authorization', `Bearer ${token.accessToken}`).expect(200);

    // A flow is used once.
    const replayed = await http().post('/auth/oidc/callback').send({ flowId: flow.flowId, callbackUrl }).expect(401);
    expect(replayed.body.type).toBe(`${PROBLEM_TYPE_BASE}unauthenticated`);
  });

  it('refuses a tampered state, and the flow it was tried on is gone', async () => {
    const flow = await start();
    const callbackUrl = await signInAtProvider(flow.authorizationUrl, 'anna');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    await http().post('/auth/oidc/callback').send({ flowId: flow.flowId, callbackUrl: tampered.href }).expect(401);
    await http().post('/auth/oidc/callback').send({ flowId: flow.flowId, callbackUrl }).expect(401);

    const another = await start();
    const elsewhere = (await signInAtProvider(another.authorizationUrl, 'anna')).replace('/console/auth/callback', '/somewhere-else');
    await http().post('/auth/oidc/callback').send({ flowId: another.flowId, callbackUrl: elsewhere }).expect(401);

    const late = await start();
    const lateUrl = await signInAtProvider(late.authorizationUrl, 'anna');
    await stack.db.query(`UPDATE distributor.oidc_flows SET expires_at = now() - interval '1 second' WHERE id = $1`, [late.flowId]);
    await http().post('/auth/oidc/callback').send({ flowId: late.flowId, callbackUrl: lateUrl }).expect(401);
  });

  it('refuses an e-mail the organisation does not know unless it lets the provider add people, and an unverified one', async () => {
    const unknown = await start();
    const refused = await http().post('/auth/oidc/callback').send({ flowId: unknown.flowId, callbackUrl: await signInAtProvider(unknown.authorizationUrl, 'carl') }).expect(403);
    expect(refused.body).toEqual(expect.objectContaining({ type: `${PROBLEM_TYPE_BASE}forbidden`, detail: expect.stringContaining('carl@kessler.example') }));
    // Another organisation's person, even if the provider vouches for the e-mail.
    const foreign = await start();
    await http().post('/auth/oidc/callback').send({ flowId: foreign.flowId, callbackUrl: await signInAtProvider(foreign.authorizationUrl, 'acme') }).expect(403);

    await operator()
      .put(`/organisations/${ORG}/identity-provider`)
      .send({ issuer: provider.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, createPeople: true })
      .expect(200);
    const unverified = await start();
    const notVerified = await http()
      .post('/auth/oidc/callback')
      .send({ flowId: unverified.flowId, callbackUrl: await signInAtProvider(unverified.authorizationUrl, 'ben') })
      .expect(403);
    expect(notVerified.body.detail).toContain('not verified');
    const added = await start();
    const carl = await http().post('/auth/oidc/callback').send({ flowId: added.flowId, callbackUrl: await signInAtProvider(added.authorizationUrl, 'carl') }).expect(201);
    expect(carl.body.person).toEqual(expect.objectContaining({ email: 'carl@kessler.example', name: 'Carl Neu', role: 'member', organisationId: ORG }));
    const people = (await operator().get(`/organisations/${ORG}/people`).expect(200)).body as { email: string; hasPassword: boolean }[];
    expect(people.find((p) => p.email === 'carl@kessler.example')).toEqual(expect.objectContaining({ hasPassword: false }));
    expect(people.map((p) => p.email)).not.toContain('ben@kessler.example');
    // Carl has no password to sign in with.
    await http().post('/auth/sign-in').send({ email: 'carl@kessler.example', password: 'whatever he tries' }).expect(401);
  });

  it('answers an organisation without a provider with a 422', async () => {
    const none = await http().post('/auth/oidc/authorization').send({ organisationId: 'muster-maschinenbau', redirectUri: REDIRECT_URI }).expect(422);
    expect(none.body.errors).toEqual([{ field: 'organisationId', message: expect.any(String) }]);
    await http().post('/auth/oidc/authorization').send({ organisationId: 'no-such-organisation', redirectUri: REDIRECT_URI }).expect(422);
    await http().post('/auth/oidc/callback').send({ flowId: '00000000-0000-4000-8000-000000000000', callbackUrl: `${REDIRECT_URI}?code=x&state=y` }).expect(401);
  });
});
