// How one order's time grows with its lines, and how memory grows with orders waiting on people.
import { setTimeout as sleep } from 'node:timers/promises';
import { benchOrder, runTradelaneOrder } from './arms.mjs';
import { processTree, sample } from './proc.mjs';
import { prepareLineSkus, setAnswerMode } from './seed.mjs';
import { round } from './stats.mjs';

export async function lineScalingRun(ctx, options, { log }) {
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

/** Orders that wait for a supplier's answer (manual mode, nobody answers), `count` at a time. */
export async function openOrdersRun(ctx, options, { pids, log }) {
  await setAnswerMode(ctx.db, 'manual');
  const out = [];
  let open = 0;
  for (const count of options.openOrders) {
    const points = [];
    const checkpoint = (label) => {
      const s = sample(processTree(pids()));
      const point = { label, openOrders: open, rssMiB: Object.fromEntries(Object.entries(s.rssMiB).map(([k, v]) => [k, round(v, 1)])) };
      points.push(point);
      return point;
    };
    checkpoint('before');
    const step = Math.max(1, Math.floor(count / 10));
    const started = Date.now();
    let submitted = 0;
    let next = step;
    const concurrency = Math.min(16, options.concurrency * 2);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (submitted < count) {
          submitted++;
          await ctx.api.post('distributor', '/purchase-orders', benchOrder(ctx), { as: ctx.buyerId });
          open++;
          if (open - (points.at(-1).openOrders ?? 0) >= step && open >= next) {
            next += step;
            const p = checkpoint(`${open} open`);
            log(`open orders: ${open}, distributor RSS ${p.rssMiB['service:distributor']} MiB`);
          }
        }
      }),
    );
    const submitSeconds = (Date.now() - started) / 1000;
    // Accepted is not yet waiting: each order waits once its stock inquiry reached the supplier.
    const waitingSince = Date.now();
    for (;;) {
      const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM supplier.stock_inquiries WHERE status = 'open'`);
      if (rows[0].n >= open) break;
      if (Date.now() - waitingSince > 20 * 60_000) throw new Error(`only ${rows[0].n} of ${open} orders reached their supplier in 20 minutes`);
      await sleep(500);
    }
    const allWaitingSeconds = (Date.now() - started) / 1000;
    checkpoint(`${open} waiting`);
    // Let the workers settle, then see whether memory still climbs with nothing new arriving.
    for (let i = 1; i <= 4; i++) {
      await sleep(5000);
      checkpoint(`settled +${i * 5}s`);
    }
    const last = points.at(-1).rssMiB;
    const firstSettled = points.at(-4).rssMiB;
    const growth = Object.fromEntries(Object.keys(last).map((k) => [k, round((last[k] ?? 0) - (firstSettled[k] ?? 0), 1)]));
    out.push({ count, totalOpen: open, submitSeconds: round(submitSeconds, 1), allWaitingSeconds: round(allWaitingSeconds, 1), points, growthWhileIdleMiB: growth });
    log(`${open} open orders: submitted ${count} in ${submitSeconds.toFixed(1)}s, all waiting after ${allWaitingSeconds.toFixed(1)}s; RSS change over the last 15 s idle: ${JSON.stringify(growth)}`);
  }
  return out;
}
