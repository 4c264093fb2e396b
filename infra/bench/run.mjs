// `npm run bench`: Tradelane's order flow (A) against plain Temporal (B, B-LA) and against the last
// release (R) on one Temporal server in one run, then how one order's cost grows with its lines and
// how memory grows with open orders. See docs/benchmark.md.
import { Client, Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus as cpus_, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { closedLoop, plainOrder, runTradelaneOrder, startPeopleBots } from './arms.mjs';
import { burstRun, burstTable } from './burst.mjs';
import { servicesClient } from './client.mjs';
import { readOptions } from './options.mjs';
import { processTree, sample } from './proc.mjs';
import { asRelease, buildRelease, lastRelease, namesActors, startReleaseStack } from './release.mjs';
import { summarise, table } from './report.mjs';
import { openOrdersRun, lineScalingRun } from './scaling.mjs';
import { prepareData, setAnswerMode } from './seed.mjs';
import { benchStackEnv, configuredStack, startStack } from './stack.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const log = (m) => console.log(`[bench] ${m}`);
const PLAIN_QUEUE = `bench-plain-${process.pid}`;
const PATTERN = ['B', 'A', 'R', 'B-LA', 'B-LA', 'R', 'A', 'B'];

function startPlainWorker(stack, latencyMs) {
  const child = spawn(process.execPath, [join(root, 'infra/bench/plain-worker.mjs')], {
    cwd: root,
    env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress, BENCH_TASK_QUEUE: PLAIN_QUEUE, BENCH_BOT_LATENCY_MS: String(latencyMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => String(c).includes('polling') && resolve());
    child.once('exit', (code) => reject(new Error(`the plain worker exited with code ${code}`)));
  });
  return {
    child,
    ready,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', r);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Samples memory twice a second; `peak()` gives the highest RSS per component since `reset()`. */
function memoryWatch(processes) {
  let peak = {};
  const timer = setInterval(() => {
    const s = sample(processes());
    for (const [c, v] of Object.entries(s.rssMiB)) peak[c] = Math.max(peak[c] ?? 0, v);
  }, 500);
  return {
    reset: () => (peak = {}),
    peak: () => ({ ...peak }),
    stop: () => clearInterval(timer),
  };
}

async function historyStats(temporal, workflowIds) {
  const out = [];
  for (const id of workflowIds) {
    const history = await temporal.workflow.getHandle(id).fetchHistory();
    const events = history.events ?? [];
    out.push({
      events: events.length,
      workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
      activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
      markers: events.filter((e) => e.markerRecordedEventAttributes).length,
    });
  }
  return out;
}

/**
 * Every order of the run replayed against the code that ran it, through the auditors' replay
 * window: local activities and concurrency make nondeterminism a risk that only histories from
 * real load show.
 */
async function replayCheck(ctx, startedAt) {
  const window = `closedAfter=${encodeURIComponent(startedAt)}&closedBefore=${encodeURIComponent(new Date().toISOString())}`;
  const got = await ctx.api.get('distributor', `/audit/replays?${window}`, { as: 'tradelane-audit' });
  const firstDivergence = got.verdicts.find((v) => v.verdict === 'diverged');
  log(`replayed ${got.replayed} of the run's orders against this code${got.truncated ? ' (the first ones only)' : ''}: ${got.diverged} diverged`);
  if (firstDivergence) log(`first divergence: ${firstDivergence.workflowId}: ${JSON.stringify(firstDivergence.error).slice(0, 600)}`);
  return { replayed: got.replayed, diverged: got.diverged, truncated: got.truncated, ...(firstDivergence ? { firstDivergence } : {}) };
}

async function main() {
  const options = readOptions();
  const configured = configuredStack();
  if (!configured) log('building is done by `npm run bench`; starting a stack of its own');
  const stack = configured ?? (await startStack({ root, log }));
  const plainWorker = startPlainWorker(stack, options.latencyMs);
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection });
  const pids = () => [...stack.rootPids, plainWorker.child.pid];
  let release;
  // Every window samples both stacks (the idle one too), the release's processes under names of their own.
  const processes = () => [...processTree(pids()), ...(release ? asRelease(processTree(release.stack.rootPids)) : [])];
  const memory = memoryWatch(processes);
  const ctx = {
    api: servicesClient({ urls: stack.urls, dataDir: stack.dataDir }),
    temporal,
    db,
    log,
    buyerId: options.buyerId,
    latencyMs: options.latencyMs,
    pollMs: options.pollMs,
    buyerWaitSeconds: options.buyerWaitSeconds,
    botPollMs: options.botPollMs,
    plainTaskQueue: PLAIN_QUEUE,
  };
  const results = { startedAt: new Date().toISOString(), label: options.label, options, machine: machine(), windows: [], scaling: {} };
  const outDir = resolve(root, options.outDir);
  mkdirSync(outDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const save = () => writeFileSync(join(outDir, `bench-${stamp}.json`), JSON.stringify(results, null, 2));
  let stopBots;
  try {
    await plainWorker.ready;
    if (options.arms.includes('R')) {
      const which = lastRelease();
      const built = Date.now();
      const dir = buildRelease(which, { log });
      const starting = Date.now();
      const stackR = await startReleaseStack({ release: which, dir, temporalAddress: stack.temporalAddress, databaseUrl: stack.databaseUrl, connection, env: benchStackEnv(), log });
      results.release = { ...which, buildSeconds: Math.round((starting - built) / 1000), startSeconds: Math.round((Date.now() - starting) / 1000) };
      release = {
        stack: stackR,
        db: new pg.Pool({ connectionString: stackR.databaseUrl, max: 2 }),
        ctx: {
          ...ctx,
          api: servicesClient({ urls: stackR.urls, dataDir: stackR.dataDir }),
          temporal: new Client({ connection, namespace: stackR.namespace }),
          namesActors: await namesActors(stackR.urls),
        },
      };
      release.ctx.db = release.db;
      log(`release ${which.version} is up (${results.release.buildSeconds} s to build or find, ${results.release.startSeconds} s to start); its answers ${release.ctx.namesActors ? 'name' : 'do not name'} who gave them`);
    }
    const dbs = [db, ...(release ? [release.db] : [])];
    for (const d of dbs) await prepareData(d, options);
    const people = { suppliers: ['nordic-parts'], carriers: ['baltic-lines'] };
    for (const d of dbs) await setAnswerMode(d, options.latencyMs > 0 ? 'manual' : 'automatic');
    // The people's bots poll only while Tradelane's orders run, so they cost B nothing.
    const withBots = async (work, botCtx = ctx) => {
      if (!(options.latencyMs > 0)) return work();
      stopBots = startPeopleBots(botCtx, people);
      try {
        return await work();
      } finally {
        await stopBots();
        stopBots = undefined;
      }
    };
    const loop = (arm, durationMs) => {
      const run = () => closedLoop(runners[arm], { concurrency: options.concurrency, durationMs });
      if (arm === 'A') return withBots(run);
      if (arm === 'R') return withBots(run, release.ctx);
      return run();
    };
    const runners = {
      A: () => runTradelaneOrder(ctx),
      R: () => runTradelaneOrder(release.ctx),
      B: () => plainOrder('plainOrderWorkflow')(ctx),
      'B-LA': () => plainOrder('plainOrderLocalWorkflow')(ctx),
    };
    if (!options.skipLoad) {
      for (const arm of options.arms) {
        log(`warming up ${arm} for ${options.warmupSeconds}s`);
        const warm = await loop(arm, options.warmupSeconds * 1000);
        if (warm.errors.length) log(`${arm} warm-up errors: ${warm.errors.slice(0, 3).join(' | ')}`);
      }
      const schedule = [];
      for (let r = 0; r < options.rounds; r++) for (const arm of PATTERN) if (options.arms.includes(arm)) schedule.push({ round: r, arm });
      for (const [i, { round, arm }] of schedule.entries()) {
        const before = sample(processes());
        memory.reset();
        const run = await loop(arm, options.windowSeconds * 1000);
        const after = sample(processes());
        const window = {
          index: i,
          round,
          arm,
          seconds: (run.endedAt - run.startedAt) / 1000,
          orders: run.results.length,
          errors: run.errors.length,
          errorSamples: run.errors.slice(0, 3),
          latenciesMs: run.results.map((r) => Math.round(r.latencyMs)),
          cpuSeconds: Object.fromEntries(Object.keys(after.cpu).map((c) => [c, after.cpu[c] - (before.cpu[c] ?? 0)])),
          peakRssMiB: memory.peak(),
          workflowIds: run.results.map((r) => r.workflowId),
        };
        results.windows.push(window);
        log(`window ${i + 1}/${schedule.length} ${arm}: ${window.orders} orders in ${window.seconds.toFixed(1)}s (${(window.orders / window.seconds).toFixed(1)}/s)${window.errors ? `, ${window.errors} errors: ${window.errorSamples[0]}` : ''}`);
        save();
      }
      results.histories = {};
      for (const arm of options.arms) {
        const ids = results.windows.filter((w) => w.arm === arm).flatMap((w) => w.workflowIds);
        const step = Math.max(1, Math.floor(ids.length / Math.max(1, options.historySample)));
        const picked = ids.filter((_, i) => i % step === 0).slice(0, options.historySample);
        results.histories[arm] = await historyStats(arm === 'R' ? release.ctx.temporal : temporal, picked);
      }
      for (const w of results.windows) delete w.workflowIds;
      if (options.arms.includes('A')) results.replay = await replayCheck(ctx, results.startedAt);
      results.summary = summarise(results, options);
      save();
      console.log(`\n${table(results.summary)}\n`);
    }
    if (!options.skipScaling) {
      results.scaling.lines = await withBots(() => lineScalingRun(ctx, options, { pids, log }));
      save();
      results.scaling.openOrders = await openOrdersRun(ctx, options, { pids, log });
      save();
    }
    if (options.burst > 0) {
      results.burst = await burstRun(ctx, options, { urls: stack.urls, log });
      save();
    }
    const scalingTable = table({ scaling: results.scaling });
    if (scalingTable) console.log(`\n${scalingTable}\n`);
    const burst = burstTable(results.burst);
    if (burst) console.log(`\n${burst}\n`);
    writeFileSync(join(outDir, `bench-${stamp}.md`), `${results.summary ? table(results.summary) : ''}\n${scalingTable}\n${burst ? `\n${burst}\n` : ''}`);
    log(`results: ${join(outDir, `bench-${stamp}.json`)} and .md`);
  } finally {
    if (stopBots) await stopBots();
    memory.stop();
    await connection.close();
    await db.end();
    if (release) {
      await release.db.end();
      await release.stack.stop();
    }
    await plainWorker.stop();
    await stack.stop();
  }
}

function machine() {
  const cpus = cpus_();
  return { cpus: cpus.length, model: cpus[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench] ${error.stack ?? error}`);
    process.exit(1);
  },
);
