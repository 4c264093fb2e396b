// The fault matrix: one row per fault kind at one point. Each row says which parties a person
// answers for, what it does to the stack while its orders run (`inject`), and what else it does
// once they have ended (`after`); the run checks every order against the same invariants.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { CARRIERS, setTerms } from './driver.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

const ROLE_NAMES = { buyer: 'buyer', distributor: 'distributor', supplier: 'supplier', carrier: 'carrier', 'payment-gateway': 'gateway' };

/**
 * Kind 1: the service is SIGKILLed while it holds `point` (an activity, a person's update or the
 * webhook), its fault plan is cleared, and it is started again on the same data and task queues.
 */
function killAt({ role, point, step, where, people = {}, ci = false, ...rest }) {
  return {
    ...rest,
    id: `kill-${ROLE_NAMES[role]}-step${step}-${where.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    kind: 1,
    fault: `SIGKILL ${ROLE_NAMES[role]}`,
    step: `${step} (${where})`,
    people,
    ci,
    async inject(run) {
      await run.holdThen(role, point, async () => {
        await run.stack.services[role].kill('SIGKILL');
        run.stack.clearFaults(role);
        await run.stack.services[role].start();
      });
    },
  };
}

/**
 * Kind 1 too: a service SIGKILLed while another party holds the order at `point`, then started
 * again; the point is released once it is back (the distributor's worker, which runs the order's
 * workflow, killed at each step).
 */
function killWhileHeld({ kill, hold, point, step, where, people = {} }) {
  return {
    id: `kill-${ROLE_NAMES[kill]}-step${step}-while-${ROLE_NAMES[hold]}-${where.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    kind: 1,
    fault: `SIGKILL ${ROLE_NAMES[kill]}`,
    step: `${step} (${ROLE_NAMES[hold]} ${where})`,
    people,
    async inject(run) {
      await run.holdThen(hold, point, async () => {
        await run.stack.services[kill].kill('SIGKILL');
        await run.stack.services[kill].start();
        run.stack.clearFaults(hold);
      });
    },
  };
}

/** Kinds 2 and 3: a server SIGKILLed while a party holds `point`, started again on its data, then the point released. */
function serverKilledAt({ server, role, point, step, downMs, ci = false }) {
  const temporal = server === 'temporal';
  return {
    id: `kill-${server}-step${step}`,
    kind: temporal ? 2 : 3,
    fault: temporal ? 'SIGKILL Temporal server (file database)' : 'SIGKILL PostgreSQL',
    step: `${step} (mid-flow)`,
    ci,
    skip: (run) => (temporal && !run.stack.temporalKeepsState ? 'the Temporal server in use keeps no file database' : !temporal && !run.stack.pg ? 'DATABASE_URL is not the run\'s own PostgreSQL' : undefined),
    async inject(run) {
      await run.holdThen(role, point, async () => {
        if (temporal) await run.stack.killTemporal();
        else await run.stack.killPostgres();
        await sleep(downMs);
        if (temporal) await run.stack.startTemporal();
        else await run.stack.startPostgres();
        run.stack.clearFaults(role);
      });
    },
  };
}

/** Kind 5: a party answering slowly or with errors for a stretch, then well again. */
function badAnswers({ id, role, point, fault, count, forMs, step, people = {}, ci = false }) {
  return {
    id,
    kind: 5,
    fault: `${ROLE_NAMES[role]} ${fault}${count ? ` ×${count}` : ''}${forMs ? ` for ${forMs / 1000} s` : ''}`,
    step,
    people,
    ci,
    arm(run) {
      run.stack.setFaults(role, [{ point, fault, ...(count ? { count } : {}), ...(forMs ? { until: Date.now() + forMs } : {}), id: `${id}-${Date.now()}` }]);
    },
    async inject() {
      if (forMs) await sleep(forMs);
    },
    cleanup(run) {
      run.stack.clearFaults(role);
    },
  };
}

/** The transfer notice as the gateway signs it, made from its transfer for the order. */
async function signedTransferNotice(run, orderId) {
  const { rows } = await run.db.query(
    `SELECT event_id, transfer_id, order_id, payment_id, amount_minor, currency, transferred_at FROM payment_gateway.transfers WHERE order_id = $1`,
    [orderId],
  );
  if (!rows[0]) throw new Error(`no transfer for order ${orderId}`);
  const t = rows[0];
  const body = JSON.stringify({
    eventId: t.event_id,
    transferId: t.transfer_id,
    orderId: t.order_id,
    paymentId: t.payment_id,
    amount: { amountMinor: Number(t.amount_minor), currency: t.currency.trim() },
    transferredAt: new Date(t.transferred_at).toISOString(),
  });
  return body;
}

/** Posts a notice to the distributor's webhook as the gateway would; resolves with the status. */
async function deliver(run, body) {
  const { signWebhook, SIGNATURE_HEADER } = require(join(root, 'dist/libs/platform/src/webhooks/signature.js'));
  const token = await run.client.tokenFor('tradelane-pay');
  const res = await fetch(`${run.stack.urls.distributor}/transfer-notices`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [SIGNATURE_HEADER]: signWebhook(run.stack.transferNoticeSecret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  await res.text();
  return res.status;
}

/** The order whose transfer the gateway holds at the webhook, from the held transfers still pending. */
async function pendingTransferOrders(run) {
  const { rows } = await run.db.query(
    `SELECT order_id FROM payment_gateway.transfers WHERE delivery_status = 'pending' AND order_id = ANY($1::uuid[])`,
    [run.orderIds],
  );
  return rows.map((r) => r.order_id);
}

/** Terms under which no row's clerk is late. */
const GENEROUS = { answerWithinSeconds: 86400, remindBeforeSeconds: 14400, onDeadline: 'next-candidate' };
/** Workflow tasks and activities of the row's orders, by the pid of the worker that ran them (the SDK's identity is pid@host). */
async function tasksByWorker(run) {
  const { Client, Connection } = await import('@temporalio/client');
  const connection = await Connection.connect({ address: run.stack.temporalAddress });
  try {
    const temporal = new Client({ connection });
    const byPid = new Map();
    for (const orderId of run.orderIds) {
      const history = await temporal.workflow.getHandle(`order:${orderId}`).fetchHistory();
      for (const e of history.events ?? []) {
        const started = e.workflowTaskStartedEventAttributes ?? e.activityTaskStartedEventAttributes;
        if (!started?.identity) continue;
        const pid = Number(started.identity.split('@')[0]);
        const t = byPid.get(pid) ?? { workflow: 0, activity: 0 };
        t[e.workflowTaskStartedEventAttributes ? 'workflow' : 'activity'] += 1;
        byPid.set(pid, t);
      }
    }
    return byPid;
  } finally {
    await connection.close();
  }
}

const MANUAL = { manualSuppliers: ['nordic-parts'], manualCarriers: ['baltic-lines', 'rhein-freight'] };

export function matrix({ ci }) {
  const downMs = ci ? 2000 : 4000;
  const rows = [
    // 1. each party service SIGKILLed while an order is at each of the eight steps
    killAt({ role: 'distributor', point: 'http:POST /purchase-orders', step: 1, where: 'purchase order request' }),
    killAt({ role: 'distributor', point: 'activity:recordMessages', step: 1, where: 'order log activity' }),
    killAt({ role: 'distributor', point: 'activity:planSourcing', step: 2, where: 'sourcing activity' }),
    killAt({ role: 'supplier', point: 'activity:receiveStockInquiry', step: 2, where: 'activity' }),
    killAt({ role: 'supplier', point: 'http:POST /stock-inquiries/:id/answer', step: 3, where: "clerk's answer", people: MANUAL }),
    killAt({ role: 'carrier', point: 'activity:receiveShippingInquiry', step: 4, where: 'activity' }),
    killAt({ role: 'carrier', point: 'http:POST /shipping-inquiries/:id/quote', step: 5, where: "desk's quote", people: MANUAL }),
    killAt({ role: 'buyer', point: 'activity:receiveOrderConfirmation', step: 6, where: 'activity' }),
    killAt({ role: 'supplier', point: 'activity:receiveDispatchNotice', step: 6, where: 'dispatch notice activity' }),
    killAt({ role: 'carrier', point: 'activity:receiveTransportNotice', step: 7, where: 'activity' }),
    killAt({ role: 'carrier', point: 'http:POST /transport-notices/:id/accept', step: 7, where: "desk's acceptance", people: MANUAL }),
    killAt({ role: 'buyer', point: 'http:POST /orders/:id/payment-notice', step: 7, where: "buyer's payment notice", ci: true }),
    killAt({ role: 'payment-gateway', point: 'activity:receivePaymentNotice', step: 7, where: 'activity' }),
    killAt({ role: 'payment-gateway', point: 'webhook:transfer-notice', step: 8, where: 'webhook sender' }),
    killAt({ role: 'distributor', point: 'http:POST /transfer-notices', step: 8, where: 'webhook', ci: true }),
    // ... and after the work, before its result leaves: what was done must not be done twice
    killAt({ role: 'distributor', point: 'http-exit:POST /purchase-orders', step: 1, where: 'purchase order taken, answer lost' }),
    killAt({ role: 'distributor', point: 'activity-exit:recordMessages', step: 1, where: 'order log written, result lost', ci: true }),
    killAt({ role: 'supplier', point: 'activity-exit:receiveStockInquiry', step: 3, where: 'stock reserved, answer lost' }),
    killAt({ role: 'supplier', point: 'http-exit:POST /stock-inquiries/:id/answer', step: 3, where: "clerk's answer sent, reply lost", people: MANUAL }),
    killAt({ role: 'carrier', point: 'activity-exit:receiveShippingInquiry', step: 5, where: 'quote made, result lost' }),
    killAt({ role: 'buyer', point: 'activity-exit:receiveOrderConfirmation', step: 6, where: 'confirmation stored, result lost' }),
    killAt({ role: 'supplier', point: 'activity-exit:receiveDispatchNotice', step: 6, where: 'stock taken, result lost', ci: true }),
    killAt({ role: 'carrier', point: 'activity-exit:receiveTransportNotice', step: 7, where: 'booking made, result lost' }),
    killAt({ role: 'carrier', point: 'http-exit:POST /transport-notices/:id/accept', step: 7, where: 'acceptance sent, reply lost', people: MANUAL }),
    killAt({ role: 'buyer', point: 'http-exit:POST /orders/:id/payment-notice', step: 7, where: 'payment notice sent, reply lost' }),
    killAt({ role: 'payment-gateway', point: 'activity-exit:receivePaymentNotice', step: 7, where: 'payment taken, result lost', ci: true }),
    killAt({ role: 'payment-gateway', point: 'webhook-exit:transfer-notice', step: 8, where: 'notice delivered, answer lost' }),
    killAt({ role: 'distributor', point: 'http-exit:POST /transfer-notices', step: 8, where: 'notice taken, answer lost' }),
    killAt({
      role: 'distributor',
      point: 'http:POST /orders/:id/decision',
      step: 3,
      where: "buyer's decision",
      people: { manualSuppliers: ['nordic-parts'], answer: false, decision: 'cancel' },
      expect: 'cancelled',
      setup: (run) => setTerms(run.client, 'supplier', 'nordic-parts', { answerWithinSeconds: 5, remindBeforeSeconds: 0, onDeadline: 'ask-buyer' }),
      cleanup: (run) => setTerms(run.client, 'supplier', 'nordic-parts', GENEROUS),
    }),
    ...[
      ['supplier', 'activity:receiveStockInquiry', 2, 'stock inquiry'],
      ['supplier', 'http:POST /stock-inquiries/:id/answer', 3, "clerk's answer", MANUAL],
      ['carrier', 'activity:receiveShippingInquiry', 4, 'shipping inquiry'],
      ['carrier', 'http:POST /shipping-inquiries/:id/quote', 5, "desk's quote", MANUAL],
      ['buyer', 'activity:receiveOrderConfirmation', 6, 'confirmation'],
      ['carrier', 'activity:receiveTransportNotice', 7, 'transport notice'],
      ['payment-gateway', 'activity:receivePaymentNotice', 7, 'payment notice'],
      ['payment-gateway', 'webhook:transfer-notice', 8, 'webhook sender'],
    ].map(([hold, point, step, where, people]) => killWhileHeld({ kill: 'distributor', hold, point, step, where, people })),
    killWhileHeld({ kill: 'payment-gateway', hold: 'supplier', point: 'activity:receiveDispatchNotice', step: 6, where: 'dispatch notice' }),
    killWhileHeld({ kill: 'supplier', hold: 'carrier', point: 'activity:receiveTransportNotice', step: 7, where: 'transport notice' }),
    killWhileHeld({ kill: 'carrier', hold: 'payment-gateway', point: 'webhook:transfer-notice', step: 8, where: 'webhook sender' }),
    killWhileHeld({ kill: 'buyer', hold: 'payment-gateway', point: 'webhook:transfer-notice', step: 8, where: 'webhook sender' }),
    // ... and in the undo of a cancelled order, after the undo's work and before its result leaves
    killAt({
      role: 'supplier',
      point: 'activity-exit:withdrawStockInquiry',
      step: 3,
      where: 'undo: stock released, result lost',
      people: { manualSuppliers: ['nordic-parts'], answer: false, decision: 'cancel' },
      expect: 'cancelled',
      setup: (run) => setTerms(run.client, 'supplier', 'nordic-parts', { answerWithinSeconds: 5, remindBeforeSeconds: 0, onDeadline: 'ask-buyer' }),
      cleanup: (run) => setTerms(run.client, 'supplier', 'nordic-parts', GENEROUS),
    }),
    ...[
      ['payment-gateway', 'activity-exit:refundPayment', 'undo: payment refunded, result lost'],
      ['carrier', 'activity-exit:cancelTransport', 'undo: booking cancelled, result lost'],
    ].map(([role, point, where]) =>
      killAt({
        role,
        point,
        step: 7,
        where,
        people: { ...MANUAL, acceptTransport: false, decision: 'cancel' },
        expect: 'cancelled',
        setup: (run) => Promise.all(CARRIERS.map((c) => setTerms(run.client, 'carrier', c, { answerWithinSeconds: 10, remindBeforeSeconds: 0, onDeadline: 'ask-buyer' }))),
        cleanup: (run) => Promise.all(CARRIERS.map((c) => setTerms(run.client, 'carrier', c, GENEROUS))),
      }),
    ),
    // 2. and 3. the servers
    serverKilledAt({ server: 'temporal', role: 'supplier', point: 'activity:receiveStockInquiry', step: 2, downMs, ci: true }),
    serverKilledAt({ server: 'temporal', role: 'payment-gateway', point: 'activity:receivePaymentNotice', step: 7, downMs }),
    serverKilledAt({ server: 'postgres', role: 'carrier', point: 'activity:receiveShippingInquiry', step: 4, downMs, ci: true }),
    serverKilledAt({ server: 'postgres', role: 'payment-gateway', point: 'webhook:transfer-notice', step: 8, downMs }),
    // 4. a party down longer than its activity's retries wait, then back: its deadline still applies
    {
      id: 'supplier-down-then-deadline',
      kind: 4,
      fault: `supplier down ${ci ? 20 : 45} s, then a clerk who never answers`,
      step: '2–3 (deadline: ask the buyer, who cancels)',
      people: { manualSuppliers: ['nordic-parts'], answer: false, decision: 'cancel' },
      expect: 'cancelled',
      ci: true,
      async setup(run) {
        await setTerms(run.client, 'supplier', 'nordic-parts', { answerWithinSeconds: 8, remindBeforeSeconds: 4, onDeadline: 'ask-buyer' });
        await run.stack.services.supplier.kill('SIGKILL');
      },
      async inject(run) {
        await sleep(ci ? 20_000 : 45_000);
        await run.stack.services.supplier.start();
      },
      async check(run, orderId) {
        const { rows } = await run.db.query(
          `SELECT name FROM distributor.order_messages WHERE order_id = $1 AND name IN ('reminder', 'escalation', 'buyer-decision', 'deadline-passed')`,
          [orderId],
        );
        return rows.length ? [] : [{ invariant: 'reaches-end', detail: 'no deadline, reminder or escalation in the log' }];
      },
      async cleanup(run) {
        await setTerms(run.client, 'supplier', 'nordic-parts', GENEROUS);
      },
    },
    // 5. slow and failing answers for a stretch
    badAnswers({ id: 'supplier-503', role: 'supplier', point: 'activity:receiveStockInquiry', fault: 'error:503', count: 4, step: '2 (activity)', ci: true }),
    badAnswers({ id: 'carrier-slow', role: 'carrier', point: 'activity:receiveShippingInquiry', fault: 'delay:3000', forMs: 15_000, step: '4 (activity)' }),
    badAnswers({ id: 'gateway-reset', role: 'payment-gateway', point: 'activity:receivePaymentNotice', fault: 'reset', count: 3, step: '7 (activity)' }),
    badAnswers({ id: 'clerk-answer-503', role: 'supplier', point: 'http:POST /stock-inquiries/:id/answer', fault: 'error:503', count: 3, step: "3 (clerk's answer)", people: MANUAL }),
    badAnswers({ id: 'desk-accept-reset', role: 'carrier', point: 'http:POST /transport-notices/:id/accept', fault: 'reset', count: 3, step: "7 (desk's acceptance)", people: MANUAL }),
    badAnswers({ id: 'webhook-503', role: 'payment-gateway', point: 'webhook:transfer-notice', fault: 'error:503', forMs: 10_000, step: '8 (webhook sender)' }),
    badAnswers({ id: 'buyer-timeout', role: 'buyer', point: 'activity:receiveOrderConfirmation', fault: 'error:timeout', count: 1, step: '6 (activity times out)' }),
    // 6. the transfer notice's webhook
    {
      id: 'webhook-distributor-down',
      kind: 6,
      fault: 'distributor down when the gateway posts',
      step: '8 (webhook)',
      ci: true,
      async inject(run) {
        await run.holdThen('payment-gateway', 'webhook:transfer-notice', async () => {
          await run.stack.services.distributor.kill('SIGKILL');
          run.stack.clearFaults('payment-gateway');
          await sleep(downMs * 2);
          await run.stack.services.distributor.start();
        });
      },
    },
    {
      id: 'webhook-many-and-racing',
      kind: 6,
      fault: 'a notice delivered 5 times, and 3 deliveries racing',
      step: '8 (webhook)',
      ci: true,
      async inject(run) {
        await run.holdThen('payment-gateway', 'webhook:transfer-notice', async () => {
          const [orderId] = await pendingTransferOrders(run);
          const body = await signedTransferNotice(run, orderId);
          run.stack.clearFaults('payment-gateway');
          // two posts of ours race the gateway's own, released at the same moment
          const statuses = await Promise.all([deliver(run, body), deliver(run, body)]);
          run.note(`racing deliveries answered ${statuses.join(', ')}`);
        });
      },
      async after(run) {
        for (const orderId of run.orderIds) {
          const body = await signedTransferNotice(run, orderId).catch(() => undefined);
          if (!body) continue;
          const statuses = [];
          for (let i = 0; i < 5; i++) statuses.push(await deliver(run, body));
          if (statuses.some((s) => s !== 200)) run.brokenFor(orderId, 'log-once-in-order', `a redelivered notice answered ${statuses.join(', ')}`);
        }
      },
    },
    // 7. workers racing, and no workflow cache
    {
      id: 'second-workers',
      kind: 7,
      fault: 'a second process of distributor, supplier and carrier on the same task queues',
      step: 'all',
      people: MANUAL,
      ci: true,
      async setup(run) {
        run.seconds = await Promise.all(['distributor', 'supplier', 'carrier'].map((r) => run.stack.startSecond(r)));
      },
      async after(run) {
        const tasks = await tasksByWorker(run);
        for (const second of run.seconds) {
          const mine = tasks.get(second.child.pid) ?? { workflow: 0, activity: 0 };
          run.note(`${second.name} (pid ${second.child.pid}) ran ${mine.workflow} workflow tasks and ${mine.activity} activities of the row's orders`);
        }
      },
      async cleanup(run) {
        await Promise.all((run.seconds ?? []).map((s) => s.stop()));
        run.stack.extra = run.stack.extra.filter((s) => !run.seconds.includes(s));
      },
    },
    {
      id: 'no-workflow-cache',
      kind: 7,
      fault: 'every workflow task replayed from history (TEMPORAL_MAX_CACHED_WORKFLOWS=0)',
      step: 'all',
      // in CI automatic parties, to stay within its time (the payment and transfer notices are updates still)
      people: ci ? {} : MANUAL,
      ci: true,
      async setup(run) {
        await run.stack.services.distributor.stop();
        await run.stack.services.distributor.start({ TEMPORAL_MAX_CACHED_WORKFLOWS: '0' });
      },
      async cleanup(run) {
        await run.stack.services.distributor.stop();
        await run.stack.services.distributor.start();
      },
    },
  ];
  return rows;
}
