import { request as http } from '@playwright/test';
import { expect, test } from '../fixtures';
import { SignInPage } from '../pages/sign-in.page';

const SECTIONS: Record<string, string> = {
  procurement: '/procurement/orders',
  supplier: '/supplier/inquiries',
  carrier: '/carrier/inquiries',
  audit: '/audit/orders',
  operations: '/operations/organisations',
};
const SECTION_OF: Record<string, string> = {
  'muster-maschinenbau': 'procurement',
  'acme-steel': 'supplier',
  'rhein-freight': 'carrier',
  'tradelane-audit': 'audit',
  'tradelane-ops': 'operations',
};

test("the console server's own routes: no session, no CSRF token, another origin, a form post", async ({ people }) => {
  const origin = process.env.CONSOLE_URL as string;
  const anonymous = await http.newContext({ baseURL: origin });
  expect((await anonymous.get('/session')).status()).toBe(401);
  for (const service of ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway']) {
    const res = await anonymous.get(`/api/${service}/health`);
    expect(res.status(), service).toBe(401);
    expect((await res.json()).type).toBe('urn:tradelane:problem:unauthenticated');
  }
  expect((await anonymous.get('/api/nowhere/orders')).status()).toBe(404);

  const clerk = people.of('muster-maschinenbau', 'member');
  const credentials = { email: clerk.email, password: clerk.password };
  expect((await anonymous.post('/session/sign-in', { form: credentials, headers: { origin } })).status()).toBe(403);
  expect((await anonymous.post('/session/sign-in', { data: credentials, headers: { origin: 'https://evil.example' } })).status()).toBe(403);

  const signedIn = await anonymous.post('/session/sign-in', { data: credentials, headers: { origin } });
  expect(signedIn.status()).toBe(200);
  const cookie = signedIn.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')?.value ?? '';
  expect(cookie).toMatch(/^tl_session=tls_/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).not.toMatch(/Secure/i); // plain-http localhost; https makes it Secure
  const session = await signedIn.json();
  expect(session).toMatchObject({ person: { email: clerk.email, role: 'member' }, organisation: { id: 'muster-maschinenbau', role: 'buyer' } });
  expect(session).not.toHaveProperty('sessionToken');

  expect((await anonymous.get('/api/distributor/orders')).status()).toBe(200);
  const cancel = '/api/distributor/orders/00000000-0000-4000-8000-000000000000/cancel';
  const noToken = await anonymous.post(cancel, { data: { reason: 'x' }, headers: { origin } });
  expect(noToken.status()).toBe(403);
  expect((await noToken.json()).type).toBe('urn:tradelane:problem:csrf');
  const elsewhere = await anonymous.post(cancel, { data: { reason: 'x' }, headers: { origin: 'https://evil.example', 'x-csrf-token': session.csrfToken } });
  expect(elsewhere.status()).toBe(403);
  // With the token, the request reaches the distributor, which answers for itself (no such order).
  expect((await anonymous.post(cancel, { data: { reason: 'x' }, headers: { origin, 'x-csrf-token': session.csrfToken } })).status()).toBe(404);

  expect((await anonymous.post('/session/sign-out', { headers: { origin } })).status()).toBe(403);
  expect((await anonymous.post('/session/sign-out', { headers: { origin, 'x-csrf-token': session.csrfToken } })).status()).toBe(204);
  expect((await anonymous.get('/api/distributor/orders')).status()).toBe(401);
  await anonymous.dispose();
});

test("every role's pages open for that role only", async ({ page, people }) => {
  const door = new SignInPage(page);
  for (const [organisationId, own] of Object.entries(SECTION_OF)) {
    await door.signIn(people.of(organisationId));
    for (const [section, path] of Object.entries(SECTIONS)) {
      await page.goto(path);
      const refused = page.getByRole('heading', { name: 'Not for your organisation' });
      if (section === own) {
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        await expect(refused).toHaveCount(0);
      } else {
        await expect(refused, `${organisationId} at ${path}`).toBeVisible();
      }
    }
    await door.signOut();
  }
});
