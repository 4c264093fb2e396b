import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OrderView } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, orderViewWhen, startStack, type Stack } from '../support/stack';
import { startTimeSkippingServer } from '../support/time-skipping';

interface LogEntry {
  step: number | null;
  name: string;
  sender: { role: string; id: string };
  receiver: { role: string; id: string };
  payload: Record<string, unknown>;
}

/**
 * The real services on Temporal's time-skipping server: a supplier that never answers is
 * reminded before its deadline and, once the deadline passes, the order turns to the next
 * supplier. No test waits for real hours; the test skips them.
 */
describe('a supplier that never answers', () => {
  let env: TestWorkflowEnvironment;
  let stack: Stack;
  beforeAll(async () => {
    const server = await startTimeSkippingServer();
    env = server.env;
    stack = await startStack({ temporalAddress: server.address });
    await answerAutomatically(stack);
    // acme-steel ranks first for BOLT-M8 and its clerk never answers; nordic-parts answers from stock.
    await stack.db.query(`UPDATE supplier.suppliers SET answer_mode = 'manual' WHERE id = 'acme-steel'`);
  });
  afterAll(async () => {
    await stack?.close();
    await env?.teardown();
  });

  const logOf = async (orderId: string): Promise<LogEntry[]> =>
    (await stack.as('muster-maschinenbau').distributor.get(`/orders/${orderId}/messages`).expect(200)).body;
  const inquiriesOf = async (supplierId: string, orderId: string) => {
    // Each supplier reads its own list, so an empty one means it was not asked, not that it may not see.
    const res = await stack.as(supplierId).supplier.get('/stock-inquiries').query({ supplierId }).expect(200);
    return (res.body as { inquiryId: string; orderId: string; status: string; remindedAt: string | null; answerDeadline: string | null }[])
      .filter((i) => i.orderId === orderId);
  };

  it('is reminded, then passed over for the next supplier when its deadline passes', async () => {
    const submitted = await stack.as('muster-maschinenbau').distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'BOLT-M8', quantity: 500 }])).expect(201);
    const orderId: string = submitted.body.orderId;
    // Queries leave time locked (unlike the test environment's own client waiting for a result).
    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
    const viewWhen = orderViewWhen(stack, submitted.body.workflowId);

    const waiting = await viewWhen('the wait for acme-steel', (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
    expect(waiting.waitingFor).toEqual([expect.objectContaining({ kind: 'stock-answer', supplierId: 'acme-steel' })]);
    const acmeWait = waiting.waitingFor[0] as Extract<OrderView['waitingFor'][number], { kind: 'stock-answer' }>;
    const [acmeInquiry] = await eventually('the stock inquiry at acme-steel', async () => {
      const found = await inquiriesOf('acme-steel', orderId);
      return found.length === 1 ? found : undefined;
    });
    expect(acmeInquiry).toEqual(expect.objectContaining({ inquiryId: acmeWait.inquiryId, status: 'open', remindedAt: null }));
    expect(await inquiriesOf('nordic-parts', orderId)).toEqual([]);

    // Default supplier terms: answer within 24 h, reminded 4 h before.
    await env.sleep('21 hours');
    const reminded = await eventually('the reminder at acme-steel', async () => {
      const [inquiry] = await inquiriesOf('acme-steel', orderId);
      return inquiry.remindedAt ? inquiry : undefined;
    });
    expect(reminded.status).toBe('open');
    expect(new Date(reminded.answerDeadline!).toISOString()).toBe(acmeWait.deadline);
    const reminders = (await logOf(orderId)).filter((m) => m.name === 'reminder');
    expect(reminders).toEqual([
      expect.objectContaining({
        step: null,
        receiver: { role: 'supplier', id: 'acme-steel' },
        payload: expect.objectContaining({ subjectId: acmeInquiry.inquiryId, waitingFor: 'stock-answer', deadline: acmeWait.deadline }),
      }),
    ]);
    // Reminded, not yet passed over.
    expect(await inquiriesOf('nordic-parts', orderId)).toEqual([]);
    expect((await handle.query(orderViewQuery)).status).toBe('sourcing');

    await env.sleep('4 hours');
    const confirmed = await viewWhen('the order confirmed from nordic-parts', (v) => v.status === 'awaiting-transport-and-payment');
    expect(confirmed.confirmation!.lines).toEqual([
      expect.objectContaining({ lineNo: 1, sku: 'BOLT-M8', quantity: 500, supplierId: 'nordic-parts', unitPriceMinor: 38, shipFrom: 'SE-GOT' }),
    ]);

    const [withdrawn] = await inquiriesOf('acme-steel', orderId);
    expect(withdrawn.status).toBe('withdrawn');
    const acmeHolds = await stack.db.query(
      `SELECT count(*)::int AS n FROM supplier.stock_reservations WHERE order_id = $1 AND supplier_id = 'acme-steel'`,
      [orderId],
    );
    expect(acmeHolds.rows).toEqual([{ n: 0 }]);
    const acmeStock = (await stack.as('acme-steel').supplier.get('/suppliers/acme-steel/stock').expect(200)).body;
    expect(acmeStock.find((s: { sku: string }) => s.sku === 'BOLT-M8')).toEqual(expect.objectContaining({ onHand: 10000, reserved: 0 }));

    const nordic = await inquiriesOf('nordic-parts', orderId);
    expect(nordic).toEqual([expect.objectContaining({ status: 'answered' })]);
    const nordicHolds = await stack.db.query(
      `SELECT sku, quantity::int AS quantity FROM supplier.stock_reservations WHERE order_id = $1 AND supplier_id = 'nordic-parts'`,
      [orderId],
    );
    expect(nordicHolds.rows).toEqual([{ sku: 'BOLT-M8', quantity: 500 }]);

    const log = await logOf(orderId);
    expect(log.filter((m) => m.name === 'escalation')).toEqual([
      expect.objectContaining({
        step: null,
        receiver: { role: 'supplier', id: 'acme-steel' },
        payload: expect.objectContaining({ deadline: acmeWait.deadline, action: 'next-candidate' }),
      }),
    ]);
    const route = (m: LogEntry) => `${m.name} -> ${m.receiver.role}/${m.receiver.id}`;
    const sourcing = log.filter((m) => ['stock-inquiry', 'stock-answer', 'reminder', 'escalation'].includes(m.name)).map(route);
    expect(sourcing).toEqual([
      'stock-inquiry -> supplier/acme-steel',
      'reminder -> supplier/acme-steel',
      'escalation -> supplier/acme-steel',
      'stock-inquiry -> supplier/nordic-parts',
      'stock-answer -> distributor/tradelane',
    ]);
    expect(log.find((m) => m.name === 'stock-answer')!.sender).toEqual({ role: 'supplier', id: 'nordic-parts' });

    // The rest of the order goes on as usual: the buyer pays and the transfer notice settles it.
    const amountDue = confirmed.confirmation!.amountDue;
    await stack.as('muster-maschinenbau').buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: amountDue.amountMinor, currency: amountDue.currency })
      .expect(200);
    const final = await viewWhen('the order to complete', (v) => v.status === 'completed');
    expect(final.transfer!.amount).toEqual(amountDue);
  });

  it("is put to the buyer when its terms say so, and the buyer's decision names the person who decided", async () => {
    const ops = stack.as('tradelane-ops').distributor;
    await ops.put('/party-terms/supplier/acme-steel').send({ answerWithinSeconds: 3600, remindBeforeSeconds: 600, onDeadline: 'ask-buyer' }).expect(200);
    try {
      // Maria in procurement, signed in; the decision's body says only what she decided.
      const MARIA = { email: 'maria@muster.example' };
      const maria = stack.as('muster-maschinenbau', undefined, MARIA).distributor;
      const submitted = await maria.post('/purchase-orders').send(purchaseOrder([{ sku: 'BOLT-M8', quantity: 50 }])).expect(201);
      const orderId: string = submitted.body.orderId;
      const viewWhen = orderViewWhen(stack, submitted.body.workflowId);
      await viewWhen('the wait for acme-steel', (v) => v.waitingFor.some((w) => w.kind === 'stock-answer'));
      await env.sleep('61 minutes');
      await viewWhen("the buyer's decision", (v) => v.waitingFor.some((w) => w.kind === 'buyer-decision'));

      const named = await maria.post(`/orders/${orderId}/decision`).send({ decision: 'cancel', decidedBy: 'maria' }).expect(400);
      expect(named.body.errors).toEqual([{ field: 'decidedBy', message: 'property decidedBy should not exist' }]);
      await maria.post(`/orders/${orderId}/decision`).send({ decision: 'cancel' }).expect(200);
      await viewWhen('the order to cancel', (v) => v.status === 'cancelled');

      const decision = (await logOf(orderId)).find((m) => m.name === 'buyer-decision');
      expect(decision).toEqual(
        expect.objectContaining({ sender: { role: 'buyer', id: 'muster-maschinenbau' }, payload: expect.objectContaining({ decision: 'cancel', decidedBy: MARIA.email }) }),
      );
      const timeline: { name: string; actor: { person?: string } }[] = (
        await stack.as('tradelane-audit').distributor.get(`/audit/orders/${orderId}/timeline`).expect(200)
      ).body;
      expect(timeline.find((e) => e.name === 'buyer-decision')!.actor.person).toBe(MARIA.email);
    } finally {
      await ops.put('/party-terms/supplier/acme-steel').send({ answerWithinSeconds: 86400, remindBeforeSeconds: 14400, onDeadline: 'next-candidate' }).expect(200);
    }
  });
});
