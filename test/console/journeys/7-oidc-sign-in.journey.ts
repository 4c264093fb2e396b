import { request as http } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, keepScreenshot, test } from '../fixtures';

const ORGANISATION = 'muster-maschinenbau';
const CLIENT = { client_id: 'tradelane-console', client_secret: 'a secret only this journey knows' };
const DORA = { email: 'dora.weber@muster-maschinenbau.example', email_verified: true, name: 'Dora Weber' };

let provider: ChildProcess | undefined;
let issuer = '';

/** A real OpenID Connect provider in its own process (the one the OIDC e2e test uses), with the console as its client. */
test.beforeAll(async () => {
  provider = spawn(process.execPath, [join(__dirname, '../../support/oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_CONFIG: JSON.stringify({
        clients: [{ ...CLIENT, redirect_uris: [`${process.env.CONSOLE_URL}/session/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
        accounts: { dora: DORA },
      }),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: provider.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
  issuer = (JSON.parse(line) as { issuer: string }).issuer;
});

test.afterAll(() => {
  provider?.stdin?.end();
});

test("a person signs in through the organisation's own provider and lands in the console as themselves", async ({ page, people }) => {
  // The operator points the organisation at its provider, through the console's API as a person would.
  const origin = process.env.CONSOLE_URL as string;
  const operator = await http.newContext({ baseURL: origin });
  const ops = people.of('tradelane-ops');
  const session = await (await operator.post('/session/sign-in', { data: { email: ops.email, password: ops.password }, headers: { origin } })).json();
  const configured = await operator.put(`/api/distributor/organisations/${ORGANISATION}/identity-provider`, {
    data: { issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, createPeople: true },
    headers: { origin, 'x-csrf-token': session.csrfToken },
  });
  expect(configured.status()).toBe(200);
  await operator.dispose();

  await page.goto('/procurement/orders');
  await page.getByLabel('Organisation id').fill(ORGANISATION);
  await page.getByRole('button', { name: "Sign in with your organisation's provider" }).click();
  // The provider's own pages (oidc-provider's development login and consent).
  await expect(page).toHaveURL(new RegExp(`^${issuer}`));
  await page.locator('input[name=login]').fill('dora');
  await page.locator('input[name=password]').fill('anything');
  await page.locator('button[type=submit]').click();
  // The provider asks for consent the first time, then sends the browser back.
  const consent = page.getByRole('button', { name: 'Continue' });
  await expect(consent.or(page.getByRole('banner'))).toBeVisible();
  if (await consent.isVisible()) await consent.click();

  await expect(page).toHaveURL(`${origin}/procurement/orders`);
  await expect(page.getByRole('banner')).toContainText(DORA.name);
  await expect(page.getByRole('table', { name: 'Purchase orders' })).toBeVisible();
  await keepScreenshot(page, '7-signed-in-through-provider');
});
