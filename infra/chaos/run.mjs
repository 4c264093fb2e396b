// `npm run chaos` (node infra/chaos/run.mjs [--ci] [--rows <filter>] [--soak <minutes>]): the fault
// matrix on a real stack of separate processes; see docs/chaos.md. Exits 1 if any order did not
// reach its end or broke an invariant.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ROLES } from '../bench/stack.mjs';
import { chaosClient, setAnswerModes, startPeople, submitOrder, waitForEnd } from './driver.mjs';
import { checkLedger, checkOrder } from './invariants.mjs';
import { markdown, save } from './report.mjs';
import { matrix } from './rows.mjs';
import { soak } from './soak.mjs';
import { startChaosStack } from './stack.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const log = (m) => console.log(`[chaos] ${m}`);

const USAGE = 'usage: node infra/chaos/run.mjs [--ci] [--rows <id substring>[,<id substring>…]] [--soak <minutes>] [--orders <n>] [--keep]';

function options(argv) {
  const o = { ci: false, rows: undefined, soak: undefined, orders: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--ci') o.ci = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--rows') o.rows = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--soak') o.soak = Number(value());
    else if (a === '--orders') o.orders = Number(value());
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (o.soak !== undefined && !(o.soak > 0)) throw new Error('--soak needs a number of minutes above 0');
  if (o.orders !== undefined && !(Number.isInteger(o.orders) && o.orders > 0)) throw new Error('--orders needs a whole number above 0');
  return o;
}

/** What a row's inject and after steps are given. */
function rowRun({ stack, client, db }) {
  const run = {
    stack,
    client,
    db,
    orderIds: [],
    notes: [],
    extraBroken: [],
    note: (m) => run.notes.push(m),
    brokenFor: (orderId, invariant, detail) => run.extraBroken.push({ orderId, invariant, detail }),
    /**
     * Holds `point` in `role`'s processes (once), waits until one of them announces it holds it,
     * then runs `then` while it is held. The plan is written before this returns its promise, so
     * that no order passes the point before the hold is in place.
     */
    holdThen(role, point, then, timeoutMs = 120_000) {
      const id = `hold-${point}-${Date.now()}`;
      const events = `${stack.faultFile(role)}.events`;
      const from = existsSync(events) ? statSync(events).size : 0;
      stack.setFaults(role, [{ point, fault: 'hold', count: 1, id }]);
      return (async () => {
        const until = Date.now() + timeoutMs;
        for (;;) {
          const text = existsSync(events) ? readFileSync(events).subarray(from).toString('utf8') : '';
          const held = text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
            .find((e) => e.event === 'held' && e.rule === id);
          if (held) {
            run.note(`held ${held.point} in pid ${held.pid}`);
            break;
          }
          if (Date.now() > until) {
            stack.clearFaults(role);
            throw new Error(`no order reached ${point} in ${role} within ${timeoutMs / 1000} s`);
          }
          await sleep(50);
        }
        await then();
      })();
    },
  };
  return run;
}

async function runRow(row, ctx, { ordersPerRow }) {
  const started = Date.now();
  const run = rowRun(ctx);
  const result = { id: row.id, kind: row.kind, fault: row.fault, step: row.step, tried: 0, survived: 0, broken: {}, details: [], notes: run.notes };
  const skip = row.skip?.(run);
  if (skip) {
    result.skipped = skip;
    result.seconds = 0;
    return result;
  }
  const people = row.people ?? {};
  let crowd;
  try {
    await setAnswerModes(ctx.client, people);
    await row.setup?.(run);
    row.arm?.(run);
    crowd = startPeople(ctx.client, { orders: run.orderIds, log, ...people });
    const injecting = row.inject ? row.inject(run) : Promise.resolve();
    const submitting = Promise.all(Array.from({ length: ordersPerRow }, () => submitOrder(ctx.client))).then((orders) => {
      run.orderIds.push(...orders.map((o) => o.orderId));
      run.keys = orders.map((o) => o.key);
    });
    await Promise.all([injecting, submitting]);
    const ended = await waitForEnd(ctx.client, run.orderIds, { timeoutMs: 240_000 });
    log(`${row.id}: ${ended.size}/${run.orderIds.length} orders ended (${[...ended.values()].join(', ')})`);
    await row.after?.(run);
  } catch (error) {
    result.error = error.message;
    log(`${row.id}: ${error.stack ?? error}`);
  } finally {
    await crowd?.stop();
    for (const role of ROLES) ctx.stack.clearFaults(role);
    try {
      await row.cleanup?.(run);
    } catch (error) {
      result.error ??= `cleanup: ${error.message}`;
    }
    // whatever the row left down comes back before the checks and the next row
    for (const role of ROLES) if (!ctx.stack.services[role].alive) await ctx.stack.services[role].start();
  }
  result.tried = run.orderIds.length;
  // a purchase order sent again with its key (its answer lost) must not make a second order
  const { rows: twice } = await ctx.db.query(
    `SELECT idempotency_key, array_agg(order_id) AS orders FROM distributor.purchase_orders WHERE idempotency_key = ANY($1) GROUP BY idempotency_key HAVING count(*) > 1`,
    [run.keys ?? []],
  );
  for (const t of twice) run.brokenFor(t.orders[0], 'log-once-in-order', `${t.orders.length} orders for one idempotency key`);
  for (const orderId of run.orderIds) {
    const checked = await checkOrder(ctx, orderId, { expect: row.expect ?? 'completed' });
    const broken = [...checked.broken, ...(row.check ? await row.check(run, orderId) : []), ...run.extraBroken.filter((b) => b.orderId === orderId)];
    if (!broken.length) result.survived += 1;
    for (const invariant of new Set(broken.map((b) => b.invariant))) result.broken[invariant] = (result.broken[invariant] ?? 0) + 1;
    for (const b of broken) result.details.push({ orderId, ...b });
  }
  result.seconds = (Date.now() - started) / 1000;
  log(`${row.id}: ${result.survived}/${result.tried} survived${result.details.length ? `; broken: ${result.details.map((d) => `${d.invariant} (${d.detail})`).join('; ')}` : ''}`);
  return result;
}

async function main() {
  const o = options(process.argv.slice(2));
  if (!existsSync(join(root, 'dist/workflow-bundle.js'))) throw new Error('dist/ is missing: run `npm run chaos` (it builds first) or `npm run build`');
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-chaos-'));
  log(`starting the stack in ${dataDir}`);
  const stack = await startChaosStack({ dataDir, log });
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  db.on('error', () => {}); // PostgreSQL is killed on purpose; the pool reconnects
  const client = chaosClient(stack);
  const ctx = { stack, client, db };
  const results = { startedAt, ci: o.ci, machine: { cpus: cpus().length, node: process.version }, rows: [] };
  try {
    if (o.soak) {
      log(`soak for ${o.soak} min`);
      const soaked = await soak({ stack, client, minutes: o.soak, log });
      const ended = await waitForEnd(client, soaked.orderIds, { timeoutMs: 300_000 });
      await soaked.people.stop();
      const row = { id: 'soak', kind: 8, fault: 'faults at random under steady load', step: 'any', tried: soaked.orderIds.length, survived: 0, broken: {}, details: [], notes: [] };
      for (const orderId of soaked.orderIds) {
        const checked = await checkOrder(ctx, orderId);
        if (!checked.broken.length) row.survived += 1;
        for (const invariant of new Set(checked.broken.map((b) => b.invariant))) row.broken[invariant] = (row.broken[invariant] ?? 0) + 1;
        for (const b of checked.broken) row.details.push({ orderId, ...b });
      }
      row.notes.push(`${ended.size} of ${soaked.orderIds.length} orders ended`);
      row.seconds = (Date.now() - t0) / 1000;
      results.rows.push(row);
      results.soak = soaked.result;
    } else {
      const rows = matrix({ ci: o.ci }).filter((r) => (o.rows ? o.rows.some((f) => r.id.includes(f)) : !o.ci || r.ci));
      if (!rows.length) throw new Error(`no row matches ${o.rows?.join(', ')}`);
      const ordersPerRow = o.orders ?? (o.ci ? 2 : 3);
      log(`${rows.length} rows, ${ordersPerRow} orders each`);
      for (const row of rows) {
        log(`row ${row.id}: ${row.fault} at step ${row.step}`);
        results.rows.push(await runRow(row, ctx, { ordersPerRow }));
      }
    }
    results.ledger = await checkLedger(db);
  } finally {
    results.seconds = (Date.now() - t0) / 1000;
    const failed = results.rows.some((r) => !r.skipped && (r.error || r.survived < r.tried)) || results.ledger?.length > 0 || !results.rows.length;
    results.verdict = failed ? 'FAILED: an order did not reach its end, broke an invariant, or a row could not run' : 'every order survived';
    console.log(`\n${markdown(results)}`);
    const saved = save(results, join(root, '.data/chaos'));
    log(`results: ${saved.json} and .md (also latest.json, latest.md)`);
    await db.end().catch(() => {});
    await stack.stop();
    if (o.keep) log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
    process.exitCode = failed ? 1 : 0;
  }
}

main().catch((error) => {
  console.error(`[chaos] ${error.stack ?? error}`);
  process.exitCode = 1;
});
