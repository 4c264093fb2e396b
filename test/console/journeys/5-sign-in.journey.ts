import { expect, keepScreenshot, test } from '../fixtures';
import { SignInPage } from '../pages/sign-in.page';

test('sign-in: a wrong password, a lock-out, signing out and a session that expires', async ({ page, people, db }) => {
  const door = new SignInPage(page);
  const clerk = people.of('nordic-parts', 'member');

  await door.open('/supplier/inquiries');
  await door.signInWith(clerk.email, `${clerk.password}-wrong`);
  await expect(door.alert()).toContainText('The e-mail or password is wrong.');

  // Five wrong in a row lock the account; then even the right password is refused until it opens.
  for (let attempt = 2; attempt <= 5; attempt += 1) await door.signInWith(clerk.email, `${clerk.password}-wrong${attempt}`);
  await door.signInWith(clerk.email, clerk.password);
  await expect(door.alert()).toContainText(/locked/i);
  await keepScreenshot(page, '5a-locked-out');

  // Another person signs in, lands where they were going, and signs out again.
  const admin = people.of('nordic-parts', 'admin');
  await door.open('/supplier/inquiries');
  await door.signInWith(admin.email, admin.password);
  await expect(page.getByRole('table', { name: 'Open stock inquiries, newest deadline first' }).or(page.getByText(/no open/i)).first()).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/supplier/inquiries');
  await door.signOut();
  await page.goto('/supplier/stock');
  await expect(page.getByRole('heading', { name: 'Sign in to Tradelane' })).toBeVisible();

  // A session that expires while the page is open: the next request sends the person to sign in.
  await door.signInWith(admin.email, admin.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await db.query(
    `UPDATE distributor.sign_in_sessions SET expires_at = now() - interval '1 second'
      WHERE person_id = (SELECT id FROM distributor.people WHERE email = $1) AND revoked_at IS NULL`,
    [admin.email],
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Tradelane' })).toBeVisible();
  await keepScreenshot(page, '5b-session-expired');
});
