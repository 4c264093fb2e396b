// Month-end burst: n orders from several buyers, sent as fast as `concurrency` clients can, each
// refusal retried after its Retry-After as a real client would, until every order is accepted;
// then how long the stack takes to finish them all. See docs/benchmark.md, "Bursts".
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { tradeApiKey } from '../identity/credentials.mjs';
import { benchOrder } from './arms.mjs';
import { setAnswerMode } from './seed.mjs';
import { percentile, round } from './stats.mjs';

const CHUNK = 1000;
/** A client that hears nothing about when to come back waits this long. */
const FALLBACK_RETRY_MS = 1000;

/** Bench buyers registered through the operator's API (201, or 409 when an earlier run made them), each with a key of its own. */
async function benchBuyers(ctx, urls, count) {
  const buyers = [];
  for (let i = 1; i <= count; i++) {
    const id = `bench-buyer-${i}`;
    await ctx.api.post('distributor', '/organisations', { id, role: 'buyer', name: `Bench Buyer ${i}` }, { as: 'tradelane-ops', allow: [409] });
    const issued = await ctx.api.post('distributor', `/organisations/${id}/api-keys`, { label: `bench burst ${new Date().toISOString()}` }, { as: 'tradelane-ops' });
    buyers.push(buyerSession(id, issued.apiKey, urls));
  }
  return buyers;
}

/** One buyer's token, traded again before it lapses. */
function buyerSession(id, apiKey, urls) {
  let current;
  let pending;
  return {
    id,
    async token() {
      if (current && current.expiresAt > Date.now() + 60_000) return current.token;
      pending ??= tradeApiKey(`${urls.distributor}/auth/token`, apiKey)
        .then(({ accessToken, expiresIn }) => (current = { token: accessToken, expiresAt: Date.now() + expiresIn * 1000 }))
        .finally(() => (pending = undefined));
      return (await pending).token;
    },
  };
}

async function post(url, token, body, extraHeaders = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...extraHeaders },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: parsed };
}

function newCounts() {
  return { '201': 0, '200': 0, '429 with Retry-After': 0, '429 without Retry-After': 0, 'other 4xx': 0, '5xx': 0, 'no answer': 0 };
}

/**
 * Sends every order until it is accepted: a 429 or 5xx is sent again (same Idempotency-Key, so a
 * repeat cannot make a second order) after its Retry-After, or a second when it names none; a
 * 4xx other than 429 gives the order up.
 */
async function submitAll({ n, concurrency, buyers, urls, runId, counts, samples, accepted, givenUp, log }) {
  let next = 0;
  const started = Date.now();
  let lastAcceptedAt = started;
  const progress = setInterval(() => log(`burst: ${accepted.length} of ${n} accepted after ${((Date.now() - started) / 1000).toFixed(0)} s; ${JSON.stringify(counts)}`), 10_000);
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          const buyer = buyers[i % buyers.length];
          const order = { ...benchOrder({ buyerId: buyer.id }), idempotencyKey: `burst-${runId}-${i}` };
          const firstSentAt = Date.now();
          for (let attempt = 1; ; attempt++) {
            let answer;
            try {
              answer = await post(`${urls.distributor}/purchase-orders`, await buyer.token(), order);
            } catch (error) {
              counts['no answer']++;
              samples.noAnswer ??= String(error.cause?.message ?? error.message);
              await sleep(FALLBACK_RETRY_MS);
              continue;
            }
            const { status, retryAfter, body } = answer;
            if (status === 201 || status === 200) {
              counts[String(status)]++;
              lastAcceptedAt = Date.now();
              accepted.push({ orderId: body.orderId, buyerId: buyer.id, firstSentAt, acceptedAt: lastAcceptedAt, attempts: attempt });
              break;
            }
            if (status === 429) counts[retryAfter ? '429 with Retry-After' : '429 without Retry-After']++;
            else if (status >= 500) {
              counts['5xx']++;
              samples[`${status}`] ??= body;
            } else {
              counts['other 4xx']++;
              samples[`${status}`] ??= body;
              givenUp.push({ index: i, status, body });
              break;
            }
            const seconds = Number(retryAfter);
            await sleep(Number.isFinite(seconds) && retryAfter !== null ? seconds * 1000 : FALLBACK_RETRY_MS);
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  return { started, lastAcceptedAt };
}

/**
 * The buyers' accounts payable desk: every order whose confirmation has arrived is paid, a bounded
 * number at a time, as its buyer (the orders wait for nothing else: suppliers and carriers answer
 * by themselves).
 */
function payingDesk(ctx, { urls, buyers, accepted, log, concurrency = 16, pollMs = 200 }) {
  const byBuyer = new Map(buyers.map((b) => [b.id, b]));
  const paid = new Set();
  const failures = [];
  let running = true;
  const pay = async (row) => {
    const buyer = byBuyer.get(row.buyer_id);
    for (;;) {
      const got = await post(`${urls.buyer}/orders/${row.order_id}/payment-notice`, await buyer.token(), {
        amountMinor: Number(row.amount_due_minor),
        currency: row.currency,
      });
      if (got.status < 300 || /already paid/.test(JSON.stringify(got.body))) return;
      // 409 until the order waits for its payment (the confirmation is stored just before); 429/503 when busy.
      if (![409, 429, 503].includes(got.status)) throw new Error(`payment of ${row.order_id} answered ${got.status}: ${JSON.stringify(got.body)}`);
      await sleep(got.retryAfter ? Number(got.retryAfter) * 1000 : pollMs);
    }
  };
  const loop = (async () => {
    while (running) {
      const pending = accepted.filter((a) => !paid.has(a.orderId)).map((a) => a.orderId);
      for (let from = 0; from < pending.length && running; from += CHUNK) {
        const { rows } = await ctx.db.query(
          `SELECT order_id, buyer_id, amount_due_minor, currency FROM buyer.order_confirmations WHERE order_id = ANY($1::uuid[])`,
          [pending.slice(from, from + CHUNK)],
        );
        let at = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (at < rows.length) {
              const row = rows[at++];
              try {
                await pay(row);
                paid.add(row.order_id);
              } catch (error) {
                if (failures.length < 5) log(`burst: ${error.message}`);
                failures.push(row.order_id);
                paid.add(row.order_id);
              }
            }
          }),
        );
      }
      await sleep(pollMs);
    }
  })();
  return {
    paid,
    failures,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Waits until every accepted order has ended (completed or cancelled), by its purchase order's row. */
async function waitForEnds(ctx, accepted, { timeoutMs, log }) {
  const ended = new Map();
  const since = Date.now();
  let lastLog = since;
  while (ended.size < accepted.length) {
    const open = accepted.filter((a) => !ended.has(a.orderId)).map((a) => a.orderId);
    for (let from = 0; from < open.length; from += CHUNK) {
      const { rows } = await ctx.db.query(
        `SELECT order_id, status, updated_at FROM distributor.purchase_orders WHERE order_id = ANY($1::uuid[]) AND status <> 'submitted'`,
        [open.slice(from, from + CHUNK)],
      );
      for (const r of rows) ended.set(r.order_id, { status: r.status, at: new Date(r.updated_at).getTime() });
    }
    if (ended.size >= accepted.length) break;
    if (Date.now() - since > timeoutMs) {
      log(`burst: ${accepted.length - ended.size} accepted orders had not ended after ${timeoutMs / 1000} s`);
      break;
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`burst: ${ended.size} of ${accepted.length} accepted orders ended`);
    }
    await sleep(500);
  }
  return ended;
}

/** When each order's log first grew past its purchase order: the workflow took it up. */
async function firstStepTimes(ctx, orderIds) {
  const out = new Map();
  for (let from = 0; from < orderIds.length; from += CHUNK) {
    const { rows } = await ctx.db.query(
      `SELECT order_id, min(sent_at) AS at FROM distributor.order_messages
       WHERE order_id = ANY($1::uuid[]) AND name <> 'purchase-order' GROUP BY order_id`,
      [orderIds.slice(from, from + CHUNK)],
    );
    for (const r of rows) out.set(r.order_id, new Date(r.at).getTime());
  }
  return out;
}

function spreadOf(values) {
  if (values.length === 0) return undefined;
  return { p50: round(percentile(values, 50), 0), p99: round(percentile(values, 99), 0), max: round(Math.max(...values), 0) };
}

export async function burstRun(ctx, options, { urls, log }) {
  const n = options.burst;
  const runId = randomUUID().slice(0, 8);
  // Suppliers and carriers answer by themselves (the open-orders run before may have left them manual).
  await setAnswerMode(ctx.db, 'automatic');
  const buyers = await benchBuyers(ctx, urls, options.burstBuyers);
  const counts = newCounts();
  const samples = {};
  const accepted = [];
  const givenUp = [];
  log(`burst: ${n} orders from ${buyers.length} buyers, ${options.burstConcurrency} at a time`);
  const desk = payingDesk(ctx, { urls, buyers, accepted, log });
  let submitted;
  let ended;
  try {
    submitted = await submitAll({ n, concurrency: options.burstConcurrency, buyers, urls, runId, counts, samples, accepted, givenUp, log });
    log(`burst: all ${accepted.length} accepted in ${((submitted.lastAcceptedAt - submitted.started) / 1000).toFixed(1)} s; ${JSON.stringify(counts)}`);
    ended = await waitForEnds(ctx, accepted, { timeoutMs: options.burstTimeoutSeconds * 1000, log });
  } finally {
    await desk.stop();
  }
  const firstSteps = await firstStepTimes(ctx, accepted.map((a) => a.orderId));
  const queueMs = accepted.filter((a) => firstSteps.has(a.orderId)).map((a) => firstSteps.get(a.orderId) - a.acceptedAt);
  const endToEndMs = accepted.filter((a) => ended.has(a.orderId)).map((a) => ended.get(a.orderId).at - a.firstSentAt);
  const acceptMs = accepted.map((a) => a.acceptedAt - a.firstSentAt);
  const statuses = {};
  for (const { status } of ended.values()) statuses[status] = (statuses[status] ?? 0) + 1;
  const lastEnd = Math.max(...[...ended.values()].map((e) => e.at));
  const result = {
    orders: n,
    buyers: buyers.map((b) => b.id),
    concurrency: options.burstConcurrency,
    answers: counts,
    answerSamples: samples,
    accepted: accepted.length,
    givenUp: givenUp.length,
    ended: statuses,
    notEnded: accepted.length - ended.size,
    paymentFailures: desk.failures.length,
    attemptsMax: Math.max(0, ...accepted.map((a) => a.attempts)),
    submitSeconds: round((submitted.lastAcceptedAt - submitted.started) / 1000, 1),
    drainSeconds: ended.size ? round((lastEnd - submitted.started) / 1000, 1) : undefined,
    acceptMs: spreadOf(acceptMs),
    queueLatencyMs: spreadOf(queueMs),
    endToEndMs: spreadOf(endToEndMs),
  };
  log(`burst: ${JSON.stringify(result)}`);
  return result;
}

export function burstTable(burst) {
  if (!burst) return '';
  const a = burst.answers;
  return [
    `Burst: ${burst.orders} orders, ${burst.buyers.length} buyers, ${burst.concurrency} at a time`,
    '',
    '| 201 | 200 (repeat) | 429 with Retry-After | 429 without | other 4xx | 5xx | no answer |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${a['201']} | ${a['200']} | ${a['429 with Retry-After']} | ${a['429 without Retry-After']} | ${a['other 4xx']} | ${a['5xx']} | ${a['no answer']} |`,
    '',
    '| accepted | ended | not ended | all accepted after | drained after | accept p50 / p99 / max | queue latency p50 / p99 / max | end to end p50 / p99 / max |',
    '| ---: | --- | ---: | ---: | ---: | --- | --- | --- |',
    `| ${burst.accepted} | ${JSON.stringify(burst.ended)} | ${burst.notEnded} | ${burst.submitSeconds} s | ${burst.drainSeconds} s | ${ms(burst.acceptMs)} | ${ms(burst.queueLatencyMs)} | ${ms(burst.endToEndMs)} |`,
  ].join('\n');
}

const ms = (s) => (s ? `${s.p50} / ${s.p99} / ${s.max} ms` : '–');
