import { readFileSync } from 'node:fs';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';
import { IdentityService } from '../../apps/distributor/src/identity/identity.service';
import { startStack, type Stack } from '../support/stack';

interface BootstrapPerson {
  organisationId: string;
  email: string;
  role: 'admin' | 'member';
  password: string;
}

/** The demo people the test setup's bootstrap file gives the distributor, as `npm start` does. */
function bootstrapPerson(email: string): BootstrapPerson {
  const { people } = JSON.parse(readFileSync(process.env.IDENTITY_BOOTSTRAP_FILE as string, 'utf8')) as { people: BootstrapPerson[] };
  const person = people.find((p) => p.email === email);
  if (!person) throw new Error(`no bootstrap person ${email}`);
  return person;
}

const claimsOf = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());

describe('people sign in as themselves', () => {
  let stack: Stack;
  const BUYER = 'muster-maschinenbau';
  const admin = () => bootstrapPerson(`admin@${BUYER}.example`);
  const clerk = () => bootstrapPerson(`clerk@${BUYER}.example`);

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const http = () => stack.http.distributor;
  const signIn = (email: string, password: string) => http().post('/auth/sign-in').send({ email, password });
  async function sessionOf(email: string, password: string): Promise<string> {
    return (await signIn(email, password).expect(201)).body.sessionToken;
  }
  async function bearerOf(sessionToken: string): Promise<string> {
    return `Bearer ${(await http().post('/auth/session-token').send({ sessionToken }).expect(201)).body.accessToken}`;
  }
  async function bearerAs(email: string, password: string): Promise<string> {
    return bearerOf(await sessionOf(email, password));
  }

  it('signs a demo admin in, trades the session for an access token that acts as them, and keeps only a hash', async () => {
    const signedIn = await signIn(admin().email.toUpperCase(), admin().password).expect(201);
    expect(signedIn.body).toEqual({
      sessionToken: expect.stringMatching(/^tls_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      person: {
        id: expect.any(String),
        email: admin().email,
        name: expect.any(String),
        role: 'admin',
        organisationId: BUYER,
        organisationName: 'Muster Maschinenbau GmbH',
        organisationRole: 'buyer',
      },
    });
    const lasts = Date.parse(signedIn.body.expiresAt) - Date.now();
    expect(lasts).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(lasts).toBeLessThanOrEqual(8 * 3600_000);
    const sessionId = signedIn.body.sessionToken.split('_')[1];
    const stored = (await stack.db.query(`SELECT * FROM distributor.sign_in_sessions WHERE id = $1`, [sessionId])).rows[0];
    expect(stored.secret_sha256).toHaveLength(64);
    expect(signedIn.body.sessionToken).not.toContain(stored.secret_sha256);

    const token = await http().post('/auth/session-token').send({ sessionToken: signedIn.body.sessionToken }).expect(201);
    expect(token.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
      sessionExpiresAt: signedIn.body.expiresAt,
      person: signedIn.body.person,
    });
    expect(claimsOf(token.body.accessToken)).toEqual(
      expect.objectContaining({ sub: BUYER, role: 'buyer', act: admin().email, pid: signedIn.body.person.id, prl: 'admin', cid: sessionId }),
    );
    const authorization = `Bearer ${token.body.accessToken}`;
    await http().get('/orders').set('Authorization', authorization).expect(200);
    await http().get('/party-terms').set('Authorization', authorization).expect(403);
    const people = await http().get(`/organisations/${BUYER}/people`).set('Authorization', authorization).expect(200);
    expect(people.body.map((p: { email: string }) => p.email)).toEqual([admin().email, clerk().email]);
    expect(JSON.stringify(people.body)).not.toMatch(/argon2|passwordHash|"password"/i);
    const used = (await stack.db.query(`SELECT last_used_at FROM distributor.sign_in_sessions WHERE id = $1`, [sessionId])).rows[0];
    expect(used.last_used_at).not.toBeNull();
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await signIn(admin().email, 'not the password at all').expect(401);
    const unknown = await signIn('nobody@nowhere.example', 'not the password at all').expect(401);
    expect(wrong.body).toEqual(expect.objectContaining({ type: `${PROBLEM_TYPE_BASE}unauthenticated`, status: 401 }));
    expect(wrong.body.detail).toBe(unknown.body.detail);
    const missing = await http().post('/auth/sign-in').send({ email: admin().email }).expect(400);
    expect(new Set(missing.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['password']));
    // A wrong password that did not reach the limit is forgotten at the next right one.
    const row = await stack.db.query(`SELECT failed_attempts FROM distributor.people WHERE email = $1`, [admin().email]);
    expect(row.rows[0].failed_attempts).toBe(1);
    await sessionOf(admin().email, admin().password);
    expect((await stack.db.query(`SELECT failed_attempts FROM distributor.people WHERE email = $1`, [admin().email])).rows[0].failed_attempts).toBe(0);
  });

  it('adds people under the password rule, once per e-mail, and lets an admin and the operator manage them', async () => {
    const asAdmin = await bearerAs(admin().email, admin().password);
    const short = await http()
      .post(`/organisations/${BUYER}/people`)
      .set('Authorization', asAdmin)
      .send({ email: 'jonas@muster.example', name: 'Jonas', role: 'member', password: 'too short' })
      .expect(400);
    expect(short.body.errors).toEqual([{ field: 'password', message: 'password must be 12 to 256 characters' }]);
    const added = await http()
      .post(`/organisations/${BUYER}/people`)
      .set('Authorization', asAdmin)
      .send({ email: 'Jonas@Muster.example', name: 'Jonas Weber', role: 'member', password: 'first password 1' })
      .expect(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      organisationId: BUYER,
      email: 'jonas@muster.example',
      name: 'Jonas Weber',
      role: 'member',
      hasPassword: true,
      lockedUntil: null,
      createdAt: expect.any(String),
    });
    const again = await stack.as('tradelane-ops').distributor
      .post(`/organisations/${BUYER}/people`)
      .send({ email: 'JONAS@muster.example', name: 'Jonas again', role: 'admin', password: 'another password' })
      .expect(409);
    expect(again.body.type).toBe(`${PROBLEM_TYPE_BASE}conflict`);
    const stored = (await stack.db.query(`SELECT password_hash FROM distributor.people WHERE id = $1`, [added.body.id])).rows[0];
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await sessionOf('jonas@muster.example', 'first password 1');
  });

  it('locks an account after five wrong passwords in a row for 15 minutes, with Retry-After; a reset by the admin opens it', async () => {
    const asAdmin = await bearerAs(admin().email, admin().password);
    const person = (
      await http()
        .post(`/organisations/${BUYER}/people`)
        .set('Authorization', asAdmin)
        .send({ email: 'lena@muster.example', name: 'Lena', role: 'member', password: 'lenas password' })
        .expect(201)
    ).body;
    const before = await sessionOf('lena@muster.example', 'lenas password');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn('lena@muster.example', `guess number ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await signIn('lena@muster.example', 'lenas password').expect(423);
    expect(locked.body).toEqual(
      expect.objectContaining({ type: `${PROBLEM_TYPE_BASE}account-locked`, status: 423, lockedUntil: expect.any(String), detail: expect.stringContaining('opens at') }),
    );
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(Math.abs(Date.parse(locked.body.lockedUntil) - Date.now() - retryAfter * 1000)).toBeLessThan(2000);
    const listed = (await http().get(`/organisations/${BUYER}/people`).set('Authorization', asAdmin).expect(200)).body;
    expect(listed.find((p: { id: string }) => p.id === person.id).lockedUntil).toBe(locked.body.lockedUntil);

    // The session from before the lock-out still works until the reset ends it.
    await bearerOf(before);
    await http().put(`/organisations/${BUYER}/people/${person.id}/password`).set('Authorization', asAdmin).send({ password: 'short' }).expect(400);
    await http().put(`/organisations/${BUYER}/people/${person.id}/password`).set('Authorization', asAdmin).send({ password: 'lenas new password' }).expect(204);
    await http().post('/auth/session-token').send({ sessionToken: before }).expect(401);
    await signIn('lena@muster.example', 'lenas password').expect(401);
    await sessionOf('lena@muster.example', 'lenas new password');

    // The operator may reset it too; the bootstrap at the next start leaves a changed password alone.
    await stack.as('tradelane-ops').distributor
      .put(`/organisations/${BUYER}/people/${person.id}/password`)
      .send({ password: 'the operator set this' })
      .expect(204);
    await sessionOf('lena@muster.example', 'the operator set this');
  });

  it('keeps a changed demo password when the distributor starts again', async () => {
    const clerkId = (await stack.db.query(`SELECT id FROM distributor.people WHERE email = $1`, [clerk().email])).rows[0].id;
    await stack.as(BUYER).distributor.put(`/organisations/${BUYER}/people/${clerkId}/password`).send({ password: 'a clerk chose this' }).expect(204);
    await stack.apps.distributor.get(IdentityService).onModuleInit();
    await signIn(clerk().email, clerk().password).expect(401);
    await sessionOf(clerk().email, 'a clerk chose this');
    await stack.as('tradelane-ops').distributor.put(`/organisations/${BUYER}/people/${clerkId}/password`).send({ password: clerk().password }).expect(204);
  });

  it('lets no member manage people, and answers another organisation’s admin as if there were no such people', async () => {
    const adminId = (await stack.db.query(`SELECT id FROM distributor.people WHERE email = $1`, [admin().email])).rows[0].id;
    const asClerk = await bearerAs(clerk().email, clerk().password);
    const reset = await http().put(`/organisations/${BUYER}/people/${adminId}/password`).set('Authorization', asClerk).send({ password: 'taken over by the clerk' });
    expect(reset.status).toBe(403);
    expect(reset.body.type).toBe(`${PROBLEM_TYPE_BASE}forbidden`);
    await http().get(`/organisations/${BUYER}/people`).set('Authorization', asClerk).expect(403);
    await http().delete(`/organisations/${BUYER}/people/${adminId}/sessions`).set('Authorization', asClerk).expect(403);
    // A member still does their organisation's work.
    await http().get('/orders').set('Authorization', asClerk).expect(200);

    const supplierAdmin = bootstrapPerson('admin@acme-steel.example');
    const asStranger = await bearerAs(supplierAdmin.email, supplierAdmin.password);
    const stranger = await http().put(`/organisations/${BUYER}/people/${adminId}/password`).set('Authorization', asStranger).send({ password: 'taken over by acme' });
    expect(stranger.status).toBe(404);
    expect(stranger.body.type).toBe(`${PROBLEM_TYPE_BASE}not-found`);
    await http().get(`/organisations/${BUYER}/people`).set('Authorization', asStranger).expect(404);
    // Its own organisation's people are its to manage, and a person of another organisation is not found there.
    const own = (await http().get('/organisations/acme-steel/people').set('Authorization', asStranger).expect(200)).body;
    expect(own.map((p: { email: string }) => p.email)).toEqual(['admin@acme-steel.example', 'clerk@acme-steel.example']);
    await http().put(`/organisations/acme-steel/people/${adminId}/password`).set('Authorization', asStranger).send({ password: 'not one of ours' }).expect(404);
    await signIn(admin().email, admin().password).expect(201);
  });

  it('refuses a session that was signed out, revoked by an admin or has expired, and signs out quietly', async () => {
    const signedOut = await sessionOf(admin().email, admin().password);
    await http().post('/auth/sign-out').send({ sessionToken: signedOut }).expect(204);
    const refused = await http().post('/auth/session-token').send({ sessionToken: signedOut }).expect(401);
    expect(refused.body.type).toBe(`${PROBLEM_TYPE_BASE}unauthenticated`);
    await http().post('/auth/sign-out').send({ sessionToken: signedOut }).expect(204);
    await http().post('/auth/sign-out').send({ sessionToken: 'tls_0123456789abcdef_nothing' }).expect(204);

    const expired = await sessionOf(admin().email, admin().password);
    await stack.db.query(`UPDATE distributor.sign_in_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.split('_')[1]]);
    await http().post('/auth/session-token').send({ sessionToken: expired }).expect(401);

    const forged = (await sessionOf(admin().email, admin().password)).slice(0, -2) + 'xx';
    await http().post('/auth/session-token').send({ sessionToken: forged }).expect(401);
    await http().post('/auth/session-token').send({ sessionToken: 'tl_0123456789abcdef_not-a-session' }).expect(401);

    const clerkId = (await stack.db.query(`SELECT id FROM distributor.people WHERE email = $1`, [clerk().email])).rows[0].id;
    const first = await sessionOf(clerk().email, clerk().password);
    const second = await sessionOf(clerk().email, clerk().password);
    await stack.as(BUYER).distributor.delete(`/organisations/${BUYER}/people/${clerkId}/sessions`).expect(204);
    await http().post('/auth/session-token').send({ sessionToken: first }).expect(401);
    await http().post('/auth/session-token').send({ sessionToken: second }).expect(401);
    await sessionOf(clerk().email, clerk().password);
  });
});
