import type { Pool } from 'pg';
import { expect, keepScreenshot, test } from '../fixtures';
import { AuditPages } from '../pages/audit.page';
import { CarrierPages } from '../pages/carrier.page';
import { MUSTER_GOODS_IN, ProcurementPages } from '../pages/procurement.page';
import { SignInPage } from '../pages/sign-in.page';
import { SupplierPages } from '../pages/supplier.page';

test.describe.configure({ mode: 'serial' });

let orderId = '';

/** Which carrier the order booked for its one origin: set-up knowledge, so the right desk signs in. */
async function bookedCarrier(db: Pool, id: string): Promise<string> {
  await expect.poll(async () => (await db.query(`SELECT 1 FROM carrier.transport_notices WHERE order_id = $1`, [id])).rowCount, { timeout: 60_000 }).toBe(1);
  return (await db.query(`SELECT carrier_id FROM carrier.transport_notices WHERE order_id = $1`, [id])).rows[0].carrier_id;
}

test('an order from procurement to completed: the clerk answers one line in part, the desks quote and accept, procurement pays', async ({ browser, people, db }) => {
  const buyerPage = await (await browser.newContext()).newPage();
  const procurement = new ProcurementPages(buyerPage);
  await new SignInPage(buyerPage).signIn(people.of('muster-maschinenbau', 'member'));
  orderId = await procurement.placeOrder(
    [
      { sku: 'BOLT-M8', quantity: 400 },
      { sku: 'BEAM-200', quantity: 2 },
    ],
    MUSTER_GOODS_IN,
    'Accept what is committed',
  );
  await expect(procurement.status()).toHaveText(/sourcing|waiting/i);

  // The supplier's clerk commits 300 of the 400 bolts and both beams.
  const clerkPage = await (await browser.newContext()).newPage();
  await new SignInPage(clerkPage).signIn(people.of('acme-steel', 'member'));
  await new SupplierPages(clerkPage).answerInquiryOf(orderId, { 'BOLT-M8': 300, 'BEAM-200': 2 });
  await expect(clerkPage.getByRole('status').filter({ hasText: /answered|sent/i }).first()).toBeVisible();

  // Both carriers serving the origin quote from their desks; the booked one accepts.
  for (const carrierId of ['rhein-freight', 'baltic-lines']) {
    const deskPage = await (await browser.newContext()).newPage();
    await new SignInPage(deskPage).signIn(people.of(carrierId, 'member'));
    await new CarrierPages(deskPage).quoteOpenInquiries(1);
    await deskPage.context().close();
  }
  const carrierId = await bookedCarrier(db, orderId);
  const deskPage = await (await browser.newContext()).newPage();
  await new SignInPage(deskPage).signIn(people.of(carrierId, 'member'));
  await new CarrierPages(deskPage).acceptTransportOf(orderId);

  // Procurement's page, open all along, shows the confirmation of what was committed and pays it.
  await expect(buyerPage.getByRole('table', { name: 'Confirmed lines' })).toContainText('300');
  const paid = await procurement.pay();
  expect(paid).toMatch(/€/);
  await expect(procurement.status()).toHaveText('Completed', { timeout: 90_000 });
  await keepScreenshot(buyerPage, '2-order-completed');
});

test('the auditor opens that order: the people who acted, an intact chain, a replayed history', async ({ page, people }) => {
  await new SignInPage(page).signIn(people.of('tradelane-audit'));
  const audit = new AuditPages(page);
  await audit.findOrder(orderId);
  const timeline = audit.timeline();
  const row = (what: string) => timeline.getByRole('row').filter({ hasText: what });
  await expect(row('purchase order:')).toContainText(people.of('muster-maschinenbau', 'member').email);
  await expect(row('stock answer:')).toContainText(people.of('acme-steel', 'member').email);
  await expect(row('payment notice:')).toContainText(people.of('muster-maschinenbau', 'member').email);
  await expect(timeline.getByRole('row').filter({ hasText: /rhein-freight\.example|baltic-lines\.example/ }).first()).toBeVisible();
  await expect(audit.chainVerdict()).toHaveText(/^Intact/);
  await expect(audit.replayVerdict()).toHaveText(/^Replayed/, { timeout: 60_000 });
  await keepScreenshot(page, '3-audit-of-order');
});
