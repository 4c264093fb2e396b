import { expect, keepScreenshot, test } from '../fixtures';
import { MUSTER_GOODS_IN, ProcurementPages } from '../pages/procurement.page';
import { SignInPage } from '../pages/sign-in.page';

const SKUS = 1000;
const sku = (n: number) => `J1-${String(n).padStart(4, '0')}`;

test.beforeAll(async ({ db }) => {
  await db.query(`INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams)
    SELECT 'J1-' || lpad(n::text, 4, '0'), 'Journey part ' || n, 50 FROM generate_series(1, ${SKUS}) AS n ON CONFLICT DO NOTHING`);
  await db.query(`INSERT INTO distributor.catalogue_offers (sku, supplier_id, unit_price_minor, currency, lead_days, published_available)
    SELECT 'J1-' || lpad(n::text, 4, '0'), 'acme-steel', 100 + n, 'EUR', 2, 1000 FROM generate_series(1, ${SKUS}) AS n ON CONFLICT DO NOTHING`);
});

test('procurement uploads a 1,000-line CSV and sees the new order; a file with bad rows shows its report and starts nothing', async ({ page, people, db }) => {
  const procurement = new ProcurementPages(page);
  await new SignInPage(page).signIn(people.of('muster-maschinenbau', 'member'));
  const before = Number((await db.query(`SELECT count(*) FROM distributor.purchase_orders`)).rows[0].count);

  const bad = ['sku,quantity', `${sku(1)},5`, `${sku(2)},ten`, `NO-SUCH-SKU,3`, `${sku(4)},-1`].join('\n');
  await procurement.uploadCsv({ name: 'bad-rows.csv', buffer: Buffer.from(bad) }, MUSTER_GOODS_IN);
  const report = procurement.rowReport();
  await expect(report).toBeVisible();
  // Each bad row is shown beside its problem; the good row is shown without one.
  await expect(report.getByRole('row').filter({ hasText: 'ten' })).toContainText(/quantity/i);
  await expect(report.getByRole('row').filter({ hasText: 'NO-SUCH-SKU' })).toContainText(/sku|catalogue/i);
  await expect(report.getByRole('row').filter({ hasText: `${sku(4)}` })).toContainText(/quantity/i);
  expect(Number((await db.query(`SELECT count(*) FROM distributor.purchase_orders`)).rows[0].count)).toBe(before);
  await keepScreenshot(page, '1a-csv-row-report');

  const rows = ['sku,quantity', ...Array.from({ length: SKUS }, (_, i) => `${sku(i + 1)},${(i % 7) + 1}`)].join('\n');
  // A slow uplink (4 KiB/s) so the ~13 KB file takes seconds, as a big file does on a real line.
  const network = await page.context().newCDPSession(page);
  await network.send('Network.enable');
  await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 4096 });
  await procurement.uploadCsv({ name: 'thousand-lines.csv', buffer: Buffer.from(rows) }, MUSTER_GOODS_IN);
  await expect(procurement.uploadProgress()).toBeVisible();
  await expect(page.getByText(/^Uploading: \d+%$/)).toBeVisible();
  await expect(page.getByText(/checking the rows/)).toBeVisible({ timeout: 30_000 });
  const orderId = await procurement.openedOrderId();
  await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const stored = await db.query(`SELECT jsonb_array_length("order"->'lines') AS lines, buyer_id FROM distributor.purchase_orders WHERE order_id = $1`, [orderId]);
  expect(stored.rows).toEqual([{ lines: SKUS, buyer_id: 'muster-maschinenbau' }]);
  await expect(page.getByRole('table', { name: /lines/i }).getByRole('row')).toHaveCount(SKUS + 1, { timeout: 30_000 });
  await expect(procurement.status()).not.toHaveText('');
  await keepScreenshot(page, '1b-thousand-line-order');
});
