import { addDays, isoDate } from '@tradelane/contracts';
import { PROBLEM_TYPE_BASE } from '@tradelane/platform';
import { purchaseOrder, shipTo } from '../support/purchase-orders';
import { startStack, type Stack } from '../support/stack';

const BUYER = 'muster-maschinenbau';
const OTHER_BUYER = 'zeta-werke';

interface Summary {
  orderId: string;
  buyerId: string;
  idempotencyKey: string | null;
  status: string;
  submittedAt: string;
  wantedBy: string;
  currency: string;
  lineCount: number;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

/**
 * The order list the console pages through: keyset pages that neither repeat nor skip rows,
 * filters, sorts, refused cursors, and a buyer that sees no one else's orders whatever it asks.
 */
describe('the order list (GET /orders)', () => {
  let stack: Stack;
  /** the buyer's seven orders, in the order they were taken in */
  const mine: { orderId: string; wantedBy: string; skus: string[]; key: string }[] = [];
  let theirs: string[];
  const today = isoDate(new Date());

  beforeAll(async () => {
    // Suppliers answer by hand (the demo data), so every order waits, still `submitted`.
    stack = await startStack();
    const skus = [['BOLT-M8'], ['NUT-M8'], ['BOLT-M8', 'NUT-M8'], ['BEAM-200'], ['GEAR-40'], ['BEARING-6204'], ['NUT-M8', 'GEAR-40']];
    // wantedBy repeats, so sorting by it needs the order id to break ties.
    const wantedIn = [30, 10, 20, 10, 40, 20, 10];
    for (const [i, lines] of skus.entries()) {
      const wantedBy = addDays(today, wantedIn[i]);
      const key = `PO-2030-${String(100 + i)}`;
      const res = await stack
        .as(BUYER)
        .distributor.post('/purchase-orders')
        .send({ ...purchaseOrder(lines.map((sku) => ({ sku, quantity: 5 }))), wantedBy, idempotencyKey: key })
        .expect(201);
      mine.push({ orderId: res.body.orderId, wantedBy, skus: lines, key });
    }
    theirs = [];
    // The other buyer's references look like this buyer's: only whose order it is tells them apart.
    for (const [i, sku] of ['GEAR-40', 'BOLT-M8'].entries()) {
      const res = await stack
        .as(OTHER_BUYER)
        .distributor.post('/purchase-orders')
        .send({ ...purchaseOrder([{ sku, quantity: 1 }]), buyerId: OTHER_BUYER, idempotencyKey: `PO-2030-${100 + i}` })
        .expect(201);
      theirs.push(res.body.orderId);
    }
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  const list = (query: Record<string, string | number | string[]>, organisationId = BUYER) =>
    stack.as(organisationId).distributor.get('/orders').query(query);
  const ids = (page: Page) => page.items.map((o) => o.orderId);
  /** Every page from the first on, following nextCursor. */
  async function allPages(query: Record<string, string | number | string[]>, organisationId = BUYER): Promise<Page[]> {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await list(cursor ? { ...query, cursor } : query, organisationId).expect(200)).body;
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }
  const newestFirst = () => [...mine].reverse().map((o) => o.orderId);

  it('pages seven orders three at a time, newest first: three pages, no repeats, no gaps', async () => {
    const pages = await allPages({ limit: 3 });
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    expect(pages.flatMap(ids)).toEqual(newestFirst());
    const first = pages[0].items[0];
    const last = mine[mine.length - 1];
    expect(first).toEqual({
      orderId: last.orderId,
      buyerId: BUYER,
      idempotencyKey: last.key,
      status: 'submitted',
      submittedAt: expect.any(String),
      updatedAt: expect.any(String),
      wantedBy: last.wantedBy,
      currency: 'EUR',
      lineCount: 2,
      backOrderOf: null,
    });
    const times = pages.flatMap((p) => p.items.map((o) => o.submittedAt));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('answers 50 by default, and a page exactly as long as what is left ends with no cursor', async () => {
    const all: Page = (await list({}).expect(200)).body;
    expect(ids(all)).toEqual(newestFirst());
    expect(all.nextCursor).toBeNull();
    const exact: Page = (await list({ limit: 7 }).expect(200)).body;
    expect(exact.items).toHaveLength(7);
    expect(exact.nextCursor).toBeNull();
  });

  it('keeps its place when orders are taken in between pages', async () => {
    const first: Page = (await list({ limit: 3 }).expect(200)).body;
    const newcomer = (await stack.as(BUYER).distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'BOLT-M8', quantity: 1 }])).expect(201)).body
      .orderId as string;
    try {
      const rest = await allPages({ limit: 3, cursor: first.nextCursor! });
      expect([...ids(first), ...rest.flatMap(ids)]).toEqual(newestFirst());
      expect((await list({ limit: 1 }).expect(200)).body.items[0].orderId).toBe(newcomer);
    } finally {
      await stack.db.query(`DELETE FROM distributor.purchase_orders WHERE order_id = $1`, [newcomer]);
      await stack.temporal.workflow.getHandle(`order:${newcomer}`).terminate('test clean-up');
    }
  });

  it('sorts by when it was taken in or wanted by, either way, ties by order id, across pages', async () => {
    const oldestFirst = [...mine].map((o) => o.orderId);
    expect((await allPages({ sort: 'createdAt', limit: 4 })).flatMap(ids)).toEqual(oldestFirst);
    const byWanted = [...mine].sort((a, b) => (a.wantedBy === b.wantedBy ? (a.orderId < b.orderId ? -1 : 1) : a.wantedBy < b.wantedBy ? -1 : 1));
    const wantedPages = await allPages({ sort: 'wantedBy', limit: 2 });
    expect(wantedPages).toHaveLength(4);
    expect(wantedPages.flatMap(ids)).toEqual(byWanted.map((o) => o.orderId));
    expect((await allPages({ sort: '-wantedBy', limit: 2 })).flatMap(ids)).toEqual(byWanted.reverse().map((o) => o.orderId));
  });

  it('filters by status (one or more), by when taken in, and by free text on id, SKU and reference', async () => {
    const [a, b, c] = mine;
    const before: { order_id: string; status: string; submitted_at: Date }[] = (
      await stack.db.query(`SELECT order_id, status, submitted_at FROM distributor.purchase_orders WHERE order_id = ANY($1::uuid[])`, [[a.orderId, b.orderId, c.orderId]])
    ).rows;
    await stack.db.query(`UPDATE distributor.purchase_orders SET status = 'cancelled' WHERE order_id = ANY($1::uuid[])`, [[a.orderId, b.orderId]]);
    await stack.db.query(`UPDATE distributor.purchase_orders SET status = 'completed' WHERE order_id = $1`, [c.orderId]);
    await stack.db.query(`UPDATE distributor.purchase_orders SET submitted_at = '2020-03-10T23:30:00Z' WHERE order_id = $1`, [a.orderId]);
    await stack.db.query(`UPDATE distributor.purchase_orders SET submitted_at = '2020-03-11T00:30:00Z' WHERE order_id = $1`, [b.orderId]);
    try {
      const of = async (query: Record<string, string | number | string[]>) =>
        ((await list(query).expect(200)).body as Page).items.map((o) => o.orderId).sort();
      expect(await of({ status: 'cancelled' })).toEqual([a.orderId, b.orderId].sort());
      expect(await of({ status: ['cancelled', 'completed'] })).toEqual([a.orderId, b.orderId, c.orderId].sort());
      expect(await of({ status: 'completed,cancelled' })).toEqual([a.orderId, b.orderId, c.orderId].sort());
      expect(await of({ status: 'submitted' })).toHaveLength(4);

      // A date alone as createdTo takes in the whole day; bounds are inclusive.
      expect(await of({ createdFrom: '2020-03-10', createdTo: '2020-03-10' })).toEqual([a.orderId]);
      expect(await of({ createdFrom: '2020-03-10T23:30:00Z', createdTo: '2020-03-11T00:30:00Z' })).toEqual([a.orderId, b.orderId].sort());
      expect(await of({ createdFrom: '2020-03-11', createdTo: '2020-12-31', status: 'cancelled' })).toEqual([b.orderId]);
      expect(await of({ createdFrom: today })).toHaveLength(5);

      const withSku = (sku: string) => mine.filter((o) => o.skus.includes(sku)).map((o) => o.orderId).sort();
      expect(await of({ q: 'NUT-M8' })).toEqual(withSku('NUT-M8'));
      expect(await of({ q: 'bearing-6204' })).toEqual(withSku('BEARING-6204'));
      expect(await of({ q: 'BOLT' })).toEqual([]); // a SKU matches whole
      expect(await of({ q: 'PO-2030-103' })).toEqual([mine[3].orderId]);
      expect(await of({ q: 'po-2030-10' })).toHaveLength(7);
      expect(await of({ q: mine[5].orderId })).toEqual([mine[5].orderId]);
      expect(await of({ q: mine[5].orderId.slice(0, 13).toUpperCase() })).toEqual([mine[5].orderId]);
      expect(await of({ q: '100%_' })).toEqual([]);
      expect(await of({ q: 'NUT-M8', status: 'cancelled' })).toEqual([b.orderId]);
    } finally {
      for (const row of before) {
        await stack.db.query(`UPDATE distributor.purchase_orders SET status = $2, submitted_at = $3 WHERE order_id = $1`, [row.order_id, row.status, row.submitted_at]);
      }
    }
  });

  it('refuses a cursor it did not hand out or of another sort (422), and what breaks the schema (400), naming the parameter', async () => {
    const fields = async (query: Record<string, string | number>, status = 400) => {
      const res = await list(query).expect(status);
      expect(res.body.type).toBe(`${PROBLEM_TYPE_BASE}${status === 400 ? 'validation' : 'unknown-cursor'}`);
      return [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))];
    };
    expect(await fields({ cursor: 'garbage!' })).toEqual(['cursor']);
    expect(await fields({ cursor: '0' }, 422)).toEqual(['cursor']);
    expect(await fields({ cursor: Buffer.from('{"s":"-createdAt","k":"yesterday","id":"x"}').toString('base64url') }, 422)).toEqual(['cursor']);
    const byWanted: Page = (await list({ sort: 'wantedBy', limit: 2 }).expect(200)).body;
    expect(await fields({ cursor: byWanted.nextCursor! }, 422)).toEqual(['cursor']);
    expect(await fields({ limit: 0 })).toEqual(['limit']);
    expect(await fields({ limit: 201 })).toEqual(['limit']);
    expect(await fields({ limit: 'ten' })).toContain('limit');
    expect(await fields({ status: 'lost' })).toEqual(['status']);
    expect(await fields({ sort: 'total' })).toEqual(['sort']);
    expect(await fields({ createdFrom: 'last week' })).toEqual(['createdFrom']);
    expect(await fields({ createdFrom: '2030-02-01', createdTo: '2030-01-31' })).toEqual(['createdTo']);
    expect(await fields({ unknown: 1 })).toEqual(['unknown']);
  });

  it("shows a buyer none of another buyer's orders through any filter, and auditors and operators everyone's", async () => {
    const probes: Record<string, string | number | string[]>[] = [
      {},
      { buyerId: BUYER },
      { q: mine[0].orderId },
      { q: 'BEARING-6204' },
      { q: 'PO-2030-1' },
      { status: ['submitted', 'completed', 'cancelled'] },
      { createdFrom: '2000-01-01', sort: 'wantedBy', limit: 200 },
    ];
    for (const probe of probes) {
      const seen = (await allPages(probe, OTHER_BUYER)).flatMap((p) => p.items);
      expect(seen.filter((o) => o.buyerId !== OTHER_BUYER)).toEqual([]);
    }
    expect((await allPages({}, OTHER_BUYER)).flatMap(ids).sort()).toEqual([...theirs].sort());
    expect((await allPages({ q: 'GEAR-40' }, OTHER_BUYER)).flatMap(ids)).toEqual([theirs[0]]);
    for (const reader of ['tradelane-audit', 'tradelane-ops']) {
      const everyone = (await allPages({ limit: 4 }, reader)).flatMap(ids);
      expect(new Set(everyone)).toEqual(new Set([...mine.map((o) => o.orderId), ...theirs]));
      expect(everyone).toHaveLength(9);
      expect((await allPages({ buyerId: OTHER_BUYER }, reader)).flatMap(ids).sort()).toEqual([...theirs].sort());
    }
  });

  it("answers an order's view with the lines, ship-to, wanted-by date and currency it was ordered with", async () => {
    const order = mine[2];
    const view = (await stack.as(BUYER).distributor.get(`/orders/${order.orderId}`).expect(200)).body;
    expect(view).toMatchObject({
      orderId: order.orderId,
      buyerId: BUYER,
      status: 'sourcing',
      lines: [
        { lineNo: 1, sku: 'BOLT-M8', quantity: 5 },
        { lineNo: 2, sku: 'NUT-M8', quantity: 5 },
      ],
      shipTo,
      wantedBy: order.wantedBy,
      currency: 'EUR',
    });
    expect(view.waitingFor.length).toBeGreaterThan(0);
    await stack.as(OTHER_BUYER).distributor.get(`/orders/${order.orderId}`).expect(404);
    expect((await stack.as('tradelane-audit').distributor.get(`/orders/${order.orderId}`).expect(200)).body.lines).toHaveLength(2);
  });
});
