import { PurchaseOrderPipe, PurchaseOrderTermsPipe } from './purchase-order.pipes';

const shipTo = { name: 'Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: 'DE' };
const order = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
  buyerId: 'muster',
  lines,
  shipTo,
  wantedBy: '2030-01-10',
  currency: 'EUR',
  ...extra,
});

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    const problem = (error as { getResponse(): { status: number; type: string; errors: { field: string }[] } }).getResponse();
    return { status: problem.status, type: problem.type, fields: problem.errors.map((e) => e.field) };
  }
  throw new Error('expected a refusal');
}

describe('PurchaseOrderPipe', () => {
  const pipe = new PurchaseOrderPipe();

  it('takes an order of 5,000 lines with a partial-fill policy', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    const taken = await pipe.transform(order(lines, { partialFill: 'back-order' }));
    expect(taken.lines).toHaveLength(5000);
    expect(taken.partialFill).toBe('back-order');
  });

  it('refuses more than 5,000 lines, and strings over their length, with a 422 naming the field', async () => {
    const lines = Array.from({ length: 5001 }, () => ({ sku: 'A', quantity: 1 }));
    expect(await refusal(() => pipe.transform(order(lines)))).toMatchObject({ status: 422, fields: ['lines'] });
    expect(await refusal(() => pipe.transform(order([{ sku: 'A'.repeat(65), quantity: 1 }])))).toMatchObject({
      status: 422,
      fields: ['lines[0].sku'],
    });
    expect(await refusal(() => pipe.transform(order([{ sku: 'A', quantity: 1 }], { shipTo: { ...shipTo, city: 'x'.repeat(101) } })))).toMatchObject({
      status: 422,
      type: 'urn:tradelane:problem:limit-exceeded',
      fields: ['shipTo.city'],
    });
  });

  it('answers a missing or malformed value with a 400, even when its length rule fails too', async () => {
    expect(await refusal(() => pipe.transform(order([{ sku: 'A', quantity: 1 }], { shipTo: { ...shipTo, city: undefined } })))).toMatchObject({
      status: 400,
      fields: expect.arrayContaining(['shipTo.city']),
    });
    expect(await refusal(() => pipe.transform(order([{ sku: 'a'.repeat(65), quantity: 1 }])))).toMatchObject({ status: 400 });
  });

  it('answers a malformed order with a 400 naming the field, as the other routes do', async () => {
    expect(await refusal(() => pipe.transform(order([{ sku: 'A', quantity: 0 }], { partialFill: 'split' })))).toMatchObject({
      status: 400,
      fields: ['lines[0].quantity', 'partialFill'],
    });
  });
});

describe('PurchaseOrderTermsPipe', () => {
  const pipe = new PurchaseOrderTermsPipe();

  it('reads the order part of an upload and names its fields under order', async () => {
    const { lines: _none, ...terms } = order([]);
    await expect(pipe.transform(JSON.stringify(terms))).resolves.toMatchObject({ buyerId: 'muster', currency: 'EUR' });
    expect(await refusal(() => pipe.transform(JSON.stringify({ ...terms, lines: [] })))).toMatchObject({ status: 400, fields: ['order.lines'] });
    expect(await refusal(() => pipe.transform(JSON.stringify({ ...terms, buyerId: 'b'.repeat(65) })))).toMatchObject({
      status: 422,
      fields: ['order.buyerId'],
    });
    expect(await refusal(() => pipe.transform('{"buyerId":'))).toMatchObject({ status: 400, fields: ['order'] });
    expect(await refusal(() => pipe.transform(undefined))).toMatchObject({ status: 400, fields: ['order'] });
  });
});
