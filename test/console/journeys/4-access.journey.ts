import { expect, keepScreenshot, test } from '../fixtures';
import { SignInPage } from '../pages/sign-in.page';

test("a supplier's clerk cannot open another supplier's inquiry, nor a buyer the operator pages", async ({ page, people, db }) => {
  const acmeInquiry = (await db.query(`SELECT inquiry_id FROM supplier.stock_inquiries WHERE supplier_id = 'acme-steel' LIMIT 1`)).rows[0]?.inquiry_id;
  expect(acmeInquiry, 'an earlier journey left an inquiry at acme-steel').toBeTruthy();

  await new SignInPage(page).signIn(people.of('nordic-parts', 'admin'));
  await page.goto(`/supplier/inquiries/${acmeInquiry}`);
  await expect(page.getByRole('heading', { name: /Not found|Not for your organisation/ })).toBeVisible();
  await expect(page.getByLabel(/Quantity committed for/)).toHaveCount(0);
  await keepScreenshot(page, '4a-other-suppliers-inquiry');
  await new SignInPage(page).signOut();

  await new SignInPage(page).signIn(people.of('muster-maschinenbau', 'member'));
  await page.goto('/operations/organisations');
  await expect(page.getByRole('heading', { name: 'Not for your organisation' })).toBeVisible();
  await expect(page.getByText('tradelane-ops')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' })).toHaveCount(0);
  await keepScreenshot(page, '4b-buyer-at-operator-pages');
});
