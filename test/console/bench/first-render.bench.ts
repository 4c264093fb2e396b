import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '../fixtures';
import { SignInPage } from '../pages/sign-in.page';

const ORDERS = 10_000;
const RUNS = 7;
const results = join(__dirname, '../../../.bench');
/** The little of the DOM the page-side functions below use (this file is type-checked without the DOM's types). */
interface PageGlobals {
  document: { querySelectorAll(selector: string): Iterable<{ caption?: { textContent: string | null } | null; tBodies: { rows: { length: number } }[] }> };
  performance: { now(): number; getEntriesByType(type: string): { name: string; startTime: number; duration: number }[] };
  location: { origin: string };
}

/** In the page: performance.now() once the list shows ten rows, else false. */
function firstRowsShown(): number | false {
  const { document, performance } = globalThis as unknown as PageGlobals;
  const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Purchase orders');
  return table && table.tBodies[0] && table.tBodies[0].rows.length >= 10 ? performance.now() : false;
}

/** In the page: each request of the load, from the start of the navigation. */
function requestsOfLoad() {
  const { performance, location } = globalThis as unknown as PageGlobals;
  return performance.getEntriesByType('resource').map((e) => ({ url: e.name.replace(location.origin, ''), startMs: Math.round(e.startTime), ms: Math.round(e.duration) }));
}

test.beforeAll(async ({ db }) => {
  // Orders as the intake stores them, made in SQL: the list reads these rows, not the workflows.
  await db.query(
    `INSERT INTO distributor.purchase_orders (order_id, buyer_id, idempotency_key, body_hash, status, "order", submitted_at, updated_at)
     SELECT gen_random_uuid(), 'muster-maschinenbau', 'bench-' || n, 'bench', (ARRAY['sourcing','awaiting-payment','completed','cancelled'])[1 + n % 4],
            jsonb_build_object('buyerId', 'muster-maschinenbau', 'reference', 'PO-' || n, 'currency', 'EUR', 'wantedBy', '2027-01-15',
              'shipTo', jsonb_build_object('name', 'Goods In', 'line1', 'Industriestr. 5', 'city', 'Köln', 'postalCode', '50667', 'country', 'DE'),
              'lines', jsonb_build_array(jsonb_build_object('lineNo', 1, 'sku', 'BOLT-M8', 'quantity', n))),
            now() - n * interval '1 minute', now() - n * interval '1 minute'
       FROM generate_series(1, ${ORDERS}) AS n`,
  );
});

test(`first render of the order list with ${ORDERS.toLocaleString('en')} orders`, async ({ page, people }) => {
  await new SignInPage(page).signIn(people.of('muster-maschinenbau', 'member'));
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto('about:blank');
    await page.goto('/procurement/orders');
    // milliseconds from the start of the navigation to the first frame with the list's rows,
    // read in the page on every animation frame (a test-side poll would add its own interval)
    const shown = await page.waitForFunction(firstRowsShown, undefined, { polling: 'raf', timeout: 30_000 });
    timings.push((await shown.jsonValue()) as number);
  }
  // where the last load's time went: each request from the start of the navigation
  const requests = await page.evaluate(requestsOfLoad);
  const sorted = [...timings].sort((a, b) => a - b);
  const figures = {
    orders: ORDERS,
    runs: RUNS,
    medianMs: Math.round(sorted[Math.floor(RUNS / 2)]),
    minMs: Math.round(sorted[0]),
    maxMs: Math.round(sorted[RUNS - 1]),
    at: new Date().toISOString(),
    lastLoadRequests: requests,
  };
  for (const r of requests) console.log(`[bench:console]   ${String(r.startMs).padStart(5)} ms +${String(r.ms).padStart(4)} ms  ${r.url}`);
  console.log(`[bench:console] first render of the order list with ${ORDERS} orders: median ${figures.medianMs} ms (${figures.minMs}–${figures.maxMs}) over ${RUNS} loads`);
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'console-first-render.json'), `${JSON.stringify(figures, null, 2)}\n`);
});
