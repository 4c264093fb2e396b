import { ApplicationFailure } from '@temporalio/common';
import type { PurchaseOrder } from '@tradelane/contracts';
import { PurchaseOrdersService } from '../../apps/distributor/src/purchase-orders/purchase-orders.service';
import type { Stack } from '../support/stack';
import { eventually, startStack } from '../support/stack';
import { purchaseOrder, purchaseOrderTerms, shipTo } from '../support/purchase-orders';

/** Bulk purchase orders: 5,000 lines over JSON or as a CSV, limits, per-row reports, and idempotent submission. */
describe('bulk intake', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.db.query(`INSERT INTO distributor.catalogue_items (sku, name, unit_weight_grams)
      SELECT 'BULK-' || lpad(n::text, 4, '0'), 'Bulk part ' || n, 100 FROM generate_series(1, 5000) AS n`);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const sku = (n: number) => `BULK-${String(n).padStart(4, '0')}`;
  const bulkLines = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ sku: sku(i + 1), quantity: i + 1, ...(i % 2 ? { priceCeilingMinor: 100 + i } : {}) }));
  /** Each buyer submits in its own name (a purchase order for another buyer is a 403). */
  const post = (buyerId: string) => stack.as(buyerId).distributor.post('/purchase-orders');
  const upload = (csv: string, terms: { buyerId: string }) =>
    stack.as(terms.buyerId).distributor
      .post('/purchase-orders/csv')
      .attach('lines', Buffer.from(csv, 'utf8'), { filename: 'order.csv', contentType: 'text/csv' })
      .field('order', JSON.stringify(terms));
  const ordersOf = async (buyerId: string) =>
    (
      await stack.db.query(
        `SELECT order_id, idempotency_key, "order" FROM distributor.purchase_orders WHERE buyer_id = $1 ORDER BY submitted_at`,
        [buyerId],
      )
    ).rows;
  const expectProblem = (res: { status: number; headers: Record<string, string>; body: { status: number } }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.status).toBe(status);
  };

  /** Workflow ids started on this stack's distributor queue since `since`; undefined where the server has no visibility API. */
  async function startedSince(since: Date): Promise<string[] | undefined> {
    const query = `TaskQueue = "${stack.taskQueuePrefix}distributor" AND StartTime >= "${since.toISOString()}"`;
    try {
      const ids: string[] = [];
      for await (const w of stack.temporal.workflow.list({ query })) ids.push(w.workflowId);
      return ids;
    } catch (error) {
      // Temporal's Java test server (the fallback when the CLI cannot be had) has no visibility API.
      if (/UNIMPLEMENTED/.test(String((error as Error).cause ?? error))) return undefined;
      throw error;
    }
  }

  it('takes a 5,000-line JSON order, keeps every line with its price ceiling and the partial-fill policy, and starts its workflow', async () => {
    const lines = bulkLines(5000);
    const res = await post('bulk-json')
      .send({ ...purchaseOrder(lines), buyerId: 'bulk-json', partialFill: 'back-order' })
      .expect(201);
    const [stored] = await ordersOf('bulk-json');
    expect(stored.order_id).toBe(res.body.orderId);
    expect(stored.order.partialFill).toBe('back-order');
    expect(stored.order.lines).toHaveLength(5000);
    expect(stored.order.lines.slice(0, 2)).toEqual([
      { lineNo: 1, sku: 'BULK-0001', quantity: 1 },
      { lineNo: 2, sku: 'BULK-0002', quantity: 2, priceCeilingMinor: 101 },
    ]);
    expect(stored.order.lines[4999]).toEqual({ lineNo: 5000, sku: 'BULK-5000', quantity: 5000, priceCeilingMinor: 5099 });
    const started = await stack.temporal.workflow.getHandle(res.body.workflowId).describe();
    expect(started.taskQueue).toBe(`${stack.taskQueuePrefix}distributor`);
  });

  it('defaults the partial-fill policy to cancel', async () => {
    await post('bulk-default')
      .send({ ...purchaseOrder([{ sku: 'BULK-0001', quantity: 1 }]), buyerId: 'bulk-default' })
      .expect(201);
    const [stored] = await ordersOf('bulk-default');
    expect(stored.order.partialFill).toBe('cancel');
  });

  it('refuses 5,001 lines with a 422 naming lines, and stores nothing', async () => {
    const res = await post('bulk-too-many')
      .send({ ...purchaseOrder([...bulkLines(5000), { sku: 'BULK-0001', quantity: 1 }]), buyerId: 'bulk-too-many' });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'lines', message: 'must hold at most 5000 lines, not 5001' }]);
    expect(await ordersOf('bulk-too-many')).toEqual([]);
  });

  const tooLong: [string, Record<string, unknown>, string][] = [
    ['a SKU', { lines: [{ sku: 'B'.repeat(65), quantity: 1 }] }, 'lines[0].sku'],
    ['a buyer id', { buyerId: 'b'.repeat(65) }, 'buyerId'],
    ['an idempotency key', { idempotencyKey: 'k'.repeat(101) }, 'idempotencyKey'],
    ['an addressee', { shipTo: { ...shipTo, name: 'n'.repeat(201) } }, 'shipTo.name'],
    ['a second address line', { shipTo: { ...shipTo, line2: 'l'.repeat(201) } }, 'shipTo.line2'],
    ['a city', { shipTo: { ...shipTo, city: 'c'.repeat(101) } }, 'shipTo.city'],
    ['a postal code', { shipTo: { ...shipTo, postalCode: '5'.repeat(21) } }, 'shipTo.postalCode'],
  ];
  it.each(tooLong)('refuses %s over its length with a 422 naming the field', async (_what, change, field) => {
    const body = { ...purchaseOrder([{ sku: 'BULK-0001', quantity: 1 }]), ...change };
    // As the buyer the body names, so the 422 is about the length, not whose order it is.
    const res = await post(body.buyerId).send(body);
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(/shorter than or equal to \d+ characters/) }]);
  });

  it('answers a body over the size limit with a 413 problem, not a 500', async () => {
    const res = await post('muster-maschinenbau')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ ...purchaseOrder([{ sku: 'BULK-0001', quantity: 1 }]), note: 'x'.repeat(3 * 1024 * 1024) }));
    expectProblem(res, 413);
    expect(res.body.detail).toBe('request body is larger than allowed');
  });

  it('takes an order uploaded as CSV: stored lines are the rows of the file', async () => {
    const csv = '\uFEFFSKU,Quantity,PriceCeilingMinor\r\nBULK-0001,500,12\r\n"BULK-0002",300,\r\nBULK-0003,40,3\r\n';
    const res = await upload(csv, purchaseOrderTerms({ buyerId: 'bulk-csv', partialFill: 'accept' })).expect(201);
    expect(res.headers.location).toBe(`/orders/${res.body.orderId}`);
    const [stored] = await ordersOf('bulk-csv');
    expect(stored.order_id).toBe(res.body.orderId);
    expect(stored.order.partialFill).toBe('accept');
    expect(stored.order.lines).toEqual([
      { lineNo: 1, sku: 'BULK-0001', quantity: 500, priceCeilingMinor: 12 },
      { lineNo: 2, sku: 'BULK-0002', quantity: 300 },
      { lineNo: 3, sku: 'BULK-0003', quantity: 40, priceCeilingMinor: 3 },
    ]);
  });

  it('refuses a CSV with bad rows as a whole, with a report by row, and stores and starts nothing', async () => {
    const since = new Date();
    const csv = [
      'sku,quantity,priceCeilingMinor',
      'BULK-0001,10,',
      'BULK-0002,ten,',
      ',5,',
      'NO-SUCH-SKU,1,',
      'BULK-0003,2,1.50',
      'BULK-0001,1,',
    ].join('\n');
    const res = await upload(csv, purchaseOrderTerms({ buyerId: 'bulk-csv-bad' }));
    expectProblem(res, 422);
    expect(res.body.rows).toEqual([
      { row: 3, column: 'quantity', message: 'must be a positive integer' },
      { row: 4, column: 'sku', message: 'is required' },
      { row: 5, column: 'sku', message: 'unknown SKU NO-SUCH-SKU' },
      { row: 6, column: 'priceCeilingMinor', message: 'must be a whole number of minor units' },
      { row: 7, column: 'sku', message: 'BULK-0001 is already on row 2' },
    ]);
    expect(res.body.errors).toEqual([{ field: 'lines', message: 'has rows that cannot be taken; see rows' }]);
    expect(await ordersOf('bulk-csv-bad')).toEqual([]);

    const listedBefore = await startedSince(since);
    if (listedBefore === undefined) return;
    expect(listedBefore).toEqual([]);
    // The same listing sees the order once the file is put right, so the check above can fail.
    const fixed = csv.replace('ten', '10').replace('\n,5,', '\nBULK-0004,5,').replace('NO-SUCH-SKU', 'BULK-0005').replace('1.50', '150');
    const good = await upload(fixed.split('\n').slice(0, -1).join('\n'), purchaseOrderTerms({ buyerId: 'bulk-csv-bad' }));
    expect(good.status).toBe(201);
    await eventually('the corrected order to be listed', async () => {
      const ids = await startedSince(since);
      return ids && ids.length > 0 ? ids : undefined;
    }).then((ids) => expect(ids).toEqual([good.body.workflowId]));
  });

  it('refuses a CSV file over the size limit with a 413 naming lines, and one without lines or order part with a 400', async () => {
    const big = `sku,quantity\n${'BULK-0001,1\n'.repeat(100_000)}`;
    const tooBig = await upload(big, purchaseOrderTerms({ buyerId: 'bulk-csv-big' }));
    expectProblem(tooBig, 413);
    expect(tooBig.body.errors).toEqual([{ field: 'lines', message: 'must be at most 1048576 bytes' }]);

    const noFile = await stack.as('muster-maschinenbau').distributor.post('/purchase-orders/csv').field('order', JSON.stringify(purchaseOrderTerms()));
    expectProblem(noFile, 400);
    expect(noFile.body.errors).toEqual([{ field: 'lines', message: 'a CSV file is required' }]);

    const noOrder = await stack.as('muster-maschinenbau').distributor
      .post('/purchase-orders/csv')
      .attach('lines', Buffer.from('sku,quantity\nBULK-0001,1\n'), { filename: 'order.csv', contentType: 'text/csv' });
    expectProblem(noOrder, 400);
    expect(noOrder.body.errors.map((e: { field: string }) => e.field)).toEqual(['order']);
    expect(await ordersOf('bulk-csv-big')).toEqual([]);
  });

  it('refuses a CSV of more rows than an order may hold with a 422 naming lines', async () => {
    const csv = ['sku,quantity', ...bulkLines(5000).map((l) => `${l.sku},1`), 'BULK-0001,1'].join('\n');
    const res = await upload(csv, purchaseOrderTerms({ buyerId: 'bulk-csv-many' }));
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'lines', message: 'must hold at most 5000 lines, not 5001' }]);
  });

  it('takes the idempotency key from the Idempotency-Key header, the same as from the body, across JSON and CSV', async () => {
    const lines = [
      { sku: 'BULK-0001', quantity: 7, priceCeilingMinor: 15 },
      { sku: 'BULK-0002', quantity: 9 },
    ];
    const order = { ...purchaseOrder(lines), buyerId: 'bulk-keyed' };
    const first = await post('bulk-keyed').set('Idempotency-Key', 'po-77').send(order).expect(201);
    const again = await post('bulk-keyed').set('Idempotency-Key', 'po-77').send(order).expect(200);
    const inBody = await post('bulk-keyed').send({ ...order, idempotencyKey: 'po-77' }).expect(200);
    const both = await post('bulk-keyed').set('Idempotency-Key', 'po-77').send({ ...order, idempotencyKey: 'po-77' }).expect(200);
    const { lines: _lines, ...terms } = order;
    const asCsv = await upload('sku,quantity,priceCeilingMinor\nBULK-0001,7,15\nBULK-0002,9,\n', terms)
      .set('Idempotency-Key', 'po-77')
      .expect(200);
    for (const res of [again, inBody, both, asCsv]) expect(res.body.orderId).toBe(first.body.orderId);

    const changed = await post('bulk-keyed').set('Idempotency-Key', 'po-77').send({ ...order, partialFill: 'accept' });
    expectProblem(changed, 409);
    const disagree = await post('bulk-keyed').set('Idempotency-Key', 'po-77').send({ ...order, idempotencyKey: 'po-78' });
    expectProblem(disagree, 422);
    expect(disagree.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'differs from idempotencyKey in the body' }]);

    expect((await ordersOf('bulk-keyed')).map((o) => [o.order_id, o.idempotency_key])).toEqual([[first.body.orderId, 'po-77']]);
  });

  it('makes one order and one workflow of five concurrent submissions with one key', async () => {
    const since = new Date();
    const order = { ...purchaseOrder(bulkLines(500)), buyerId: 'bulk-racing', idempotencyKey: 'po-race' };
    const responses = await Promise.all(Array.from({ length: 5 }, () => post('bulk-racing').send(order)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const orderIds = new Set(responses.map((r) => r.body.orderId));
    expect(orderIds.size).toBe(1);
    expect((await ordersOf('bulk-racing')).map((o) => o.order_id)).toEqual([...orderIds]);
    await stack.temporal.workflow.getHandle(responses[0].body.workflowId).describe();
    if ((await startedSince(since)) === undefined) return;
    const started = await eventually('the order to be listed', async () => {
      const ids = await startedSince(since);
      return ids && ids.length > 0 ? ids : undefined;
    });
    expect(started).toEqual([responses[0].body.workflowId]);
  });

  it('documents the CSV upload as multipart with a file part and an order part, and the Idempotency-Key header', async () => {
    const doc = (await stack.http.distributor.get('/docs/openapi.json').expect(200)).body;
    const csv = doc.paths['/purchase-orders/csv'].post;
    expect(csv.requestBody.content['multipart/form-data'].schema).toMatchObject({
      required: ['lines', 'order'],
      // The order part is the terms object, sent as JSON (8f7fc57 documents it by its schema).
      properties: { lines: { type: 'string', format: 'binary' }, order: { $ref: '#/components/schemas/PurchaseOrderTermsDto' } },
    });
    expect(doc.components.schemas.PurchaseOrderTermsDto.properties).toHaveProperty('buyerId');
    expect(csv.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    expect(doc.paths['/purchase-orders'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PurchaseOrderDto',
    });
  });

  describe('placing a back-order (distributor activity)', () => {
    let parent: PurchaseOrder;
    beforeAll(async () => {
      const lines = [
        { sku: 'BULK-0001', quantity: 10, priceCeilingMinor: 40 },
        { sku: 'BULK-0002', quantity: 20 },
        { sku: 'BULK-0003', quantity: 30, priceCeilingMinor: 7 },
      ];
      const res = await post('bulk-backorder')
        .send({ ...purchaseOrder(lines), buyerId: 'bulk-backorder', partialFill: 'back-order' })
        .expect(201);
      parent = (await ordersOf('bulk-backorder'))[0].order;
      expect(parent.orderId).toBe(res.body.orderId);
    });
    const placeBackOrder = (...args: Parameters<PurchaseOrdersService['placeBackOrder']>) =>
      stack.apps.distributor.get(PurchaseOrdersService).placeBackOrder(...args);

    it('keeps and starts a follow-up order for the remainder, once however often it is delivered', async () => {
      const remainder = [
        { lineNo: 2, sku: 'BULK-0002', quantity: 5 },
        { lineNo: 3, sku: 'BULK-0003', quantity: 30, priceCeilingMinor: 7 },
      ];
      const backOrderId = await placeBackOrder(parent, remainder);
      expect(await placeBackOrder(parent, remainder)).toBe(backOrderId);

      const [first, backOrder, ...more] = await ordersOf('bulk-backorder');
      expect(first.order_id).toBe(parent.orderId);
      expect(more).toEqual([]);
      expect(backOrder.order_id).toBe(backOrderId);
      expect(backOrder.idempotency_key).toBe(`back-order:${parent.orderId}`);
      expect(backOrder.order).toEqual({
        orderId: backOrderId,
        buyerId: parent.buyerId,
        lines: [
          { lineNo: 1, sku: 'BULK-0002', quantity: 5 },
          { lineNo: 2, sku: 'BULK-0003', quantity: 30, priceCeilingMinor: 7 },
        ],
        shipTo: parent.shipTo,
        wantedBy: parent.wantedBy,
        currency: parent.currency,
        partialFill: 'accept',
        backOrderOf: parent.orderId,
        idempotencyKey: `back-order:${parent.orderId}`,
        submittedAt: expect.any(String),
      });
      const started = await stack.temporal.workflow.getHandle(`order:${backOrderId}`).describe();
      expect(started.taskQueue).toBe(`${stack.taskQueuePrefix}distributor`);
    });

    it('fails for good, not by retry, with nothing to back-order, for a back-order of a back-order, or for other lines under the same parent', async () => {
      const nonRetryable = async (run: Promise<unknown>, type: string) => {
        const failure = await run.then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(ApplicationFailure);
        expect(failure).toMatchObject({ type, nonRetryable: true });
      };
      await nonRetryable(placeBackOrder(parent, []), 'EmptyBackOrder');
      const backOrder = (await ordersOf('bulk-backorder'))[1].order as PurchaseOrder;
      await nonRetryable(placeBackOrder(backOrder, [{ lineNo: 1, sku: 'BULK-0002', quantity: 1 }]), 'BackOrderOfBackOrder');
      await nonRetryable(placeBackOrder(parent, [{ lineNo: 1, sku: 'BULK-0001', quantity: 1 }]), 'BackOrderConflict');
      expect(await ordersOf('bulk-backorder')).toHaveLength(2);
    });
  });
});
