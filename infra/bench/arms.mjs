// The arms' orders, the closed loop that drives them, and the bots that answer for people.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export const BENCH_SKU = 'BENCH-GEAR';
const BENCH_SUPPLIER = 'nordic-parts';

export function benchOrder(ctx, lines = [{ sku: BENCH_SKU, quantity: 1 }]) {
  return {
    buyerId: ctx.buyerId,
    lines,
    shipTo: { name: 'Bench Buyer, Goods In', line1: 'Industriestr. 5', city: 'Koeln', postalCode: '50667', country: 'DE' },
    wantedBy: new Date(Date.now() + 60 * 86400e3).toISOString().slice(0, 10),
    currency: 'EUR',
  };
}

/** Release 0.1.0's answers name who gave them (`paidBy`, `answeredBy`, …); this commit's take that from the token. */
const actor = (ctx, field) => (ctx.namesActors ? { [field]: 'bench-bot' } : {});

/**
 * The buyer's bot: pays what the confirmation asks once the order waits for it. It asks the buyer
 * API to hold its request until the confirmation arrives (`Prefer: wait`), or polls every
 * `pollMs` with `BENCH_BUYER_WAIT_SECONDS=0`.
 */
export async function payWhenConfirmed(ctx, orderId) {
  let confirmation;
  const prefer = ctx.buyerWaitSeconds > 0 ? { prefer: `wait=${ctx.buyerWaitSeconds}` } : {};
  for (;;) {
    const got = await ctx.api.get('buyer', `/orders/${orderId}/confirmation`, { as: ctx.buyerId, allow: [404], headers: prefer });
    if (got && got.status !== 404) {
      confirmation = got;
      break;
    }
    await sleep(ctx.pollMs);
  }
  if (ctx.latencyMs) await sleep(ctx.latencyMs);
  const payment = { amountMinor: confirmation.amountDue.amountMinor, currency: confirmation.amountDue.currency, ...actor(ctx, 'paidBy') };
  for (;;) {
    // 409 until the order waits for the payment (the confirmation is stored just before).
    const paid = await ctx.api.post('buyer', `/orders/${orderId}/payment-notice`, payment, { as: ctx.buyerId, allow: [409] });
    if (paid?.status !== 409) return;
    if (/already paid/.test(JSON.stringify(paid.problem))) return;
    await sleep(ctx.pollMs);
  }
}

/** A (and R, on the release's stack): Tradelane's order, submitted over HTTP, until its transfer notice is applied. */
export async function runTradelaneOrder(ctx, lines, onSubmitted) {
  const started = performance.now();
  const submitted = await ctx.api.post('distributor', '/purchase-orders', benchOrder(ctx, lines), { as: ctx.buyerId });
  const accepted = performance.now();
  onSubmitted?.(submitted);
  const handle = ctx.temporal.workflow.getHandle(submitted.workflowId);
  const [view] = await Promise.all([handle.result(), payWhenConfirmed(ctx, submitted.orderId)]);
  if (view.status !== 'completed') throw new Error(`order ${submitted.orderId} ended ${view.status}: ${view.cancellation?.reason}`);
  return { workflowId: submitted.workflowId, orderId: submitted.orderId, latencyMs: performance.now() - started, acceptMs: accepted - started };
}

/** B and B-LA: the plain workflow on the bench worker's queue. */
export function plainOrder(workflowType) {
  return async (ctx) => {
    const started = performance.now();
    const workflowId = `bench:${workflowType}:${randomUUID()}`;
    const handle = await ctx.temporal.workflow.start(workflowType, { taskQueue: ctx.plainTaskQueue, workflowId, args: [workflowId] });
    await handle.result();
    return { workflowId, latencyMs: performance.now() - started };
  };
}

/** Keeps `concurrency` orders in flight until `durationMs` has passed, then waits for them. */
export async function closedLoop(run, { concurrency, durationMs, onError }) {
  const results = [];
  const errors = [];
  const startedAt = Date.now();
  const endAt = startedAt + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < endAt) {
        try {
          results.push(await run());
        } catch (error) {
          errors.push(String(error?.message ?? error));
          onError?.(error);
          await sleep(200);
        }
      }
    }),
  );
  return { results, errors, startedAt, endedAt: Date.now() };
}

/**
 * With a bot latency, suppliers and carriers are in manual mode and these bots answer for their
 * people over HTTP: each open stock inquiry, shipping inquiry and transport notice is answered
 * `latencyMs` after it was received (found by polling every `pollMs`).
 */
export function startPeopleBots(ctx, { suppliers, carriers }) {
  let running = true;
  const seen = new Set();
  const later = (receivedAt, act) => {
    const due = (receivedAt ? Date.parse(receivedAt) : Date.now()) + ctx.latencyMs;
    setTimeout(() => act().catch((e) => ctx.log(`bot: ${e.message}`)), Math.max(0, due - Date.now()));
  };
  const loop = async (list, answer) => {
    while (running) {
      try {
        for (const item of await list()) {
          const id = item.inquiryId ?? item.noticeId;
          if (seen.has(id)) continue;
          seen.add(id);
          later(item.receivedAt, () => answer(item));
        }
      } catch (error) {
        ctx.log(`bot: ${error.message}`);
      }
      await sleep(ctx.botPollMs);
    }
  };
  const loops = [
    ...suppliers.map((s) =>
      loop(
        () => ctx.api.get('supplier', `/suppliers/${s}/stock-inquiries?status=open`, { as: s }),
        (i) =>
          ctx.api.post('supplier', `/stock-inquiries/${i.inquiryId}/answer`, {
            ...actor(ctx, 'answeredBy'),
            lines: i.lines.map((l) => ({ lineNo: l.lineNo, quantityCommitted: l.quantity })),
          }, { as: s, allow: [409] }),
      ),
    ),
    ...carriers.map((c) =>
      loop(
        () => ctx.api.get('carrier', `/carriers/${c}/shipping-inquiries?status=open`, { as: c }),
        (i) => ctx.api.post('carrier', `/shipping-inquiries/${i.inquiryId}/quote`, actor(ctx, 'quotedBy'), { as: c, allow: [409] }),
      ),
    ),
    ...carriers.map((c) =>
      loop(
        () => ctx.api.get('carrier', `/carriers/${c}/transport-notices?status=open`, { as: c }),
        (n) => ctx.api.post('carrier', `/transport-notices/${n.noticeId}/accept`, actor(ctx, 'acceptedBy'), { as: c, allow: [409] }),
      ),
    ),
  ];
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

export { BENCH_SUPPLIER };
