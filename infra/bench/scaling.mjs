// How one order's time grows with its lines, and how memory grows with orders waiting on people.
import { setTimeout as sleep } from 'node:timers/promises';
import { benchOrder, payWhenConfirmed, runTradelaneOrder } from './arms.mjs';
import { processTree, sample } from './proc.mjs';
import { prepareLineSkus, setAnswerMode } from './seed.mjs';
import { round } from './stats.mjs';

export async function lineScalingRun(ctx, options, { log }) {
  if (options.lineSizes.length === 0) return [];
  const skus = await prepareLineSkus(ctx.db, Math.max(...options.lineSizes));
  const out = [];
  for (const size of options.lineSizes) {
    const lines = skus.slice(0, size).map((sku) => ({ sku, quantity: 1 }));
    const submittedAt = Date.now();
    try {
      const result = await runTradelaneOrder(ctx, lines);
      // When the last stock answer was taken in, by the workflow's clock (the same machine's).
      const { rows } = await ctx.db.query(
        `SELECT max(sent_at) AS at FROM distributor.order_messages WHERE order_id = $1 AND name = 'stock-answer'`,
        [result.orderId],
      );
      const stockAnswersMs = rows[0].at ? new Date(rows[0].at).getTime() - submittedAt : undefined;
      const row = { lines: size, acceptMs: round(result.acceptMs, 0), stockAnswersMs: round(stockAnswersMs, 0), completedMs: round(result.latencyMs, 0) };
      out.push(row);
      log(`one order of ${size} lines: accepted in ${row.acceptMs} ms, stock answers in at ${row.stockAnswersMs} ms, completed at ${row.completedMs} ms`);
    } catch (error) {
      out.push({ lines: size, error: String(error.message ?? error) });
      log(`one order of ${size} lines failed: ${error.message ?? error}`);
    }
  }
  return out;
}

/**
 * Orders that wait for a supplier's answer (manual mode, nobody answers), `count` at a time: memory
 * sampled while they are submitted, once all wait, and through `idleSeconds` with nothing arriving;
 * then a sample of them is answered by the supplier's clerk (its API), carriers answer
 * automatically and the buyer pays, and every sampled order must complete.
 */
export async function openOrdersRun(ctx, options, { pids, log }) {
  await setAnswerMode(ctx.db, 'manual');
  const out = [];
  const waiting = [];
  for (const count of options.openOrders) {
    const points = [];
    const checkpoint = (label) => {
      const s = sample(processTree(pids()));
      const point = { label, at: s.at, openOrders: waiting.length, rssMiB: Object.fromEntries(Object.entries(s.rssMiB).map(([k, v]) => [k, round(v, 1)])) };
      points.push(point);
      return point;
    };
    checkpoint('before');
    const before = waiting.length;
    const step = Math.max(1, Math.floor(count / 10));
    const started = Date.now();
    let submitted = 0;
    let next = before + step;
    const concurrency = Math.min(16, options.concurrency * 2);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (submitted < count) {
          submitted++;
          const order = await ctx.api.post('distributor', '/purchase-orders', benchOrder(ctx), { as: ctx.buyerId });
          waiting.push({ orderId: order.orderId, workflowId: order.workflowId });
          if (waiting.length >= next) {
            next += step;
            const p = checkpoint(`${waiting.length} open`);
            log(`open orders: ${waiting.length}, distributor RSS ${p.rssMiB['service:distributor']} MiB, ${round((waiting.length - before) / ((Date.now() - started) / 1000), 1)} orders/s`);
          }
        }
      }),
    );
    const submitSeconds = (Date.now() - started) / 1000;
    // Accepted is not yet waiting: each order waits once its stock inquiry reached the supplier.
    const waitingSince = Date.now();
    for (;;) {
      const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM supplier.stock_inquiries WHERE status = 'open'`);
      if (rows[0].n >= waiting.length) break;
      if (Date.now() - waitingSince > 20 * 60_000) throw new Error(`only ${rows[0].n} of ${waiting.length} orders reached their supplier in 20 minutes`);
      await sleep(500);
    }
    const allWaitingSeconds = (Date.now() - started) / 1000;
    checkpoint(`${waiting.length} waiting`);
    const idle = await idlePeriod(options.idleSeconds, checkpoint, log);
    const answered = await answerSample(ctx, waiting.splice(0, Math.min(options.answerSample ?? 1000, waiting.length)), log);
    checkpoint(`${waiting.length} waiting, sample answered`);
    const row = {
      count,
      totalOpen: waiting.length + answered.sampled,
      submitSeconds: round(submitSeconds, 1),
      submittedPerSecond: round(count / submitSeconds, 1),
      allWaitingSeconds: round(allWaitingSeconds, 1),
      idle,
      answered,
      points,
      growthWhileIdleMiB: idle.growthMiB,
    };
    out.push(row);
    log(
      `${row.totalOpen} open orders: submitted ${count} in ${row.submitSeconds}s (${row.submittedPerSecond}/s), all waiting after ${row.allWaitingSeconds}s; ` +
        `over ${idle.seconds}s idle the distributor went ${idle.firstMiB['service:distributor']} → ${idle.lastMiB['service:distributor']} MiB ` +
        `(${idle.slopeMiBPerMinute['service:distributor']} MiB/min, second half ${idle.secondHalfSlopeMiBPerMinute['service:distributor']} MiB/min); ${answered.completed} of ${answered.sampled} answered orders completed in ${answered.seconds}s`,
    );
  }
  return out;
}

/**
 * Samples RSS through the idle period. "Flat" is judged by the least-squares slope over it (MiB a
 * minute) and by the change from its first to its last sample; the first sample is taken once
 * every order already waits.
 */
async function idlePeriod(idleSeconds, checkpoint, log) {
  const every = Math.max(1, Math.min(15, idleSeconds / 20));
  const first = checkpoint('idle +0s');
  const series = [first];
  const began = Date.now();
  while ((Date.now() - began) / 1000 < idleSeconds) {
    await sleep(Math.min(every * 1000, Math.max(0, idleSeconds * 1000 - (Date.now() - began))));
    const p = checkpoint(`idle +${round((Date.now() - began) / 1000, 0)}s`);
    series.push(p);
    if (series.length % 10 === 0) log(`idle ${p.label}: distributor RSS ${p.rssMiB['service:distributor']} MiB`);
  }
  const last = series.at(-1);
  const components = Object.keys(last.rssMiB);
  const of = (p, k) => p.rssMiB[k] ?? 0;
  return {
    seconds: round((last.at - first.at) / 1000, 0),
    samples: series.length,
    firstMiB: Object.fromEntries(components.map((k) => [k, of(first, k)])),
    lastMiB: Object.fromEntries(components.map((k) => [k, of(last, k)])),
    maxMiB: Object.fromEntries(components.map((k) => [k, Math.max(...series.map((p) => of(p, k)))])),
    growthMiB: Object.fromEntries(components.map((k) => [k, round(of(last, k) - of(first, k), 1)])),
    slopeMiBPerMinute: Object.fromEntries(components.map((k) => [k, round(slope(series.map((p) => [(p.at - first.at) / 60_000, of(p, k)])), 2)])),
    // The garbage of the orders' last steps is collected early in the period; the second half shows what stays.
    secondHalfSlopeMiBPerMinute: Object.fromEntries(
      components.map((k) => [k, round(slope(series.slice(Math.floor(series.length / 2)).map((p) => [(p.at - first.at) / 60_000, of(p, k)])), 2)]),
    ),
  };
}

export function slope(xy) {
  if (xy.length < 2) return 0;
  const mx = xy.reduce((s, [x]) => s + x, 0) / xy.length;
  const my = xy.reduce((s, [, y]) => s + y, 0) / xy.length;
  const sxx = xy.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : xy.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

/**
 * The sampled orders' supplier answers them through its clerk API (committing every line), with
 * carriers in automatic mode for the rest of the order and the buyer paying its confirmation; each
 * order must then complete. The other orders keep waiting: the supplier stays in manual mode.
 */
async function answerSample(ctx, orders, log) {
  if (orders.length === 0) return { sampled: 0, completed: 0, failed: 0, seconds: 0 };
  await ctx.db.query(`UPDATE carrier.carriers SET answer_mode = 'automatic'`);
  const started = Date.now();
  const queue = [...orders];
  const failures = [];
  let completed = 0;
  try {
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let order = queue.shift(); order; order = queue.shift()) {
          try {
            const { rows } = await ctx.db.query(
              `SELECT inquiry_id, supplier_id, lines FROM supplier.stock_inquiries WHERE order_id = $1 AND status = 'open'`,
              [order.orderId],
            );
            if (rows.length === 0) throw new Error(`order ${order.orderId} has no open stock inquiry`);
            for (const inquiry of rows) {
              await ctx.api.post(
                'supplier',
                `/stock-inquiries/${inquiry.inquiry_id}/answer`,
                { lines: inquiry.lines.map((l) => ({ lineNo: l.lineNo, quantityCommitted: l.quantity })) },
                { as: inquiry.supplier_id },
              );
            }
            const [view] = await Promise.all([ctx.temporal.workflow.getHandle(order.workflowId).result(), payWhenConfirmed(ctx, order.orderId)]);
            if (view.status !== 'completed') throw new Error(`order ${order.orderId} ended ${view.status}`);
            completed++;
            if (completed % 100 === 0) log(`answered orders completed: ${completed} of ${orders.length}`);
          } catch (error) {
            failures.push(String(error?.message ?? error));
          }
        }
      }),
    );
  } finally {
    await ctx.db.query(`UPDATE carrier.carriers SET answer_mode = 'manual'`);
  }
  return { sampled: orders.length, completed, failed: failures.length, failureSamples: failures.slice(0, 3), seconds: round((Date.now() - started) / 1000, 1) };
}
