import type { OrderConfirmation, OrderView } from '@tradelane/contracts';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';

const BUYER = 'muster-maschinenbau';
const BURST = 12;

interface Answer {
  key: string;
  status: number;
  retryAfter?: string;
  contentType?: string;
  body: { orderId?: string; workflowId?: string; type?: string; status?: number; detail?: string };
}

/**
 * A burst past the intake's limit (one order taken in at a time, none waiting): what does not fit
 * is refused with 429 and Retry-After, never a 5xx; every 201 is an order that completes, and a
 * refused submission left nothing behind, so the same one sent again is a new order, not a repeat.
 */
describe('a burst of purchase orders past the intake limit', () => {
  let stack: Stack;
  const limits = { INTAKE_MAX_IN_FLIGHT: '1', INTAKE_MAX_WAITING: '0', INTAKE_RETRY_AFTER_SECONDS: '1' };

  beforeAll(async () => {
    Object.assign(process.env, limits);
    try {
      stack = await startStack();
    } finally {
      for (const name of Object.keys(limits)) delete process.env[name];
    }
    await answerAutomatically(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const submit = async (key: string): Promise<Answer> => {
    const res = await stack.as(BUYER).distributor
      .post('/purchase-orders')
      .send({ ...purchaseOrder([{ sku: 'NUT-M8', quantity: 1 }]), idempotencyKey: key });
    return { key, status: res.status, retryAfter: res.headers['retry-after'], contentType: res.headers['content-type'], body: res.body };
  };

  const keptKeys = async (keys: string[]): Promise<string[]> =>
    (
      await stack.db.query(`SELECT idempotency_key FROM distributor.purchase_orders WHERE buyer_id = $1 AND idempotency_key = ANY($2) ORDER BY 1`, [
        BUYER,
        keys,
      ])
    ).rows.map((r: { idempotency_key: string }) => r.idempotency_key);

  const completes = async ({ orderId, workflowId }: { orderId: string; workflowId: string }): Promise<string> => {
    const buyer = stack.as(BUYER).buyer;
    const confirmation = await eventually(`the confirmation of ${orderId}`, async () => {
      const res = await buyer.get(`/orders/${orderId}/confirmation`).set('Prefer', 'wait=20');
      return res.status === 200 ? (res.body as OrderConfirmation) : undefined;
    }, 90_000);
    await buyer.post(`/orders/${orderId}/payment-notice`).send({ amountMinor: confirmation.amountDue.amountMinor, currency: 'EUR' }).expect(200);
    return ((await stack.temporal.workflow.getHandle(workflowId).result()) as OrderView).status;
  };

  it('refuses what does not fit with 429 and Retry-After, and loses nothing it accepted', async () => {
    const keys = Array.from({ length: BURST }, (_, i) => `burst-${i}`);
    const answers = await Promise.all(keys.map(submit));

    expect(answers.filter((a) => ![201, 429].includes(a.status))).toEqual([]);
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.retryAfter).toBe('1');
      expect(r.contentType).toMatch(/application\/problem\+json/);
      expect(r.body).toMatchObject({ type: 'urn:tradelane:problem:intake-busy', status: 429 });
    }

    // Kept: exactly the accepted ones; a refused submission stored nothing and started no workflow.
    expect(await keptKeys(keys)).toEqual(accepted.map((a) => a.key).sort());
    for (const r of refused) {
      const { rows } = await stack.db.query(`SELECT 1 FROM distributor.purchase_orders WHERE idempotency_key = $1`, [r.key]);
      expect(rows).toHaveLength(0);
    }

    // Sent again after its Retry-After, one at a time, each refused order is taken as a new order (201, not a repeat's 200).
    await new Promise((r) => setTimeout(r, 1000));
    const retried: Answer[] = [];
    for (const r of refused) retried.push(await submit(r.key));
    expect(retried.map((a) => a.status)).toEqual(refused.map(() => 201));
    expect(await keptKeys(keys)).toEqual([...keys].sort());

    const everyOrder = [...accepted, ...retried].map((a) => ({ orderId: a.body.orderId!, workflowId: a.body.workflowId! }));
    expect(await Promise.all(everyOrder.map(completes))).toEqual(everyOrder.map(() => 'completed'));
  }, 180_000);
});
