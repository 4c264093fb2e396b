// From the windows' raw figures to per-arm summaries, A's ratios and the markdown tables.
import { groupOf } from './proc.mjs';
import { mean, percentile, round, spread, variation } from './stats.mjs';

const GROUPS = ['temporal-server', 'postgres', 'services', 'plain-worker'];
// The release's services (arm R) count as services; their memory is read apart.
const group = (component) => groupOf(component.replace(/^release:/, ''));

function armSummary(windows, histories, own = '') {
  const orders = windows.reduce((s, w) => s + w.orders, 0);
  const rates = windows.map((w) => w.orders / w.seconds);
  const latencies = windows.flatMap((w) => w.latenciesMs);
  const cpu = {};
  for (const w of windows) for (const [c, v] of Object.entries(w.cpuSeconds)) cpu[group(c)] = (cpu[group(c)] ?? 0) + v;
  const cpuMsPerOrder = Object.fromEntries(GROUPS.map((g) => [g, orders ? round(((cpu[g] ?? 0) / orders) * 1000, 2) : undefined]));
  cpuMsPerOrder.total = round(Object.values(cpuMsPerOrder).reduce((s, v) => s + (v ?? 0), 0), 2);
  const peak = {};
  for (const w of windows) for (const [c, v] of Object.entries(w.peakRssMiB)) peak[c] = Math.max(peak[c] ?? 0, v);
  const services = Object.entries(peak).filter(([c]) => c.startsWith(`${own}service:`));
  const h = histories ?? [];
  return {
    windows: windows.length,
    orders,
    errors: windows.reduce((s, w) => s + w.errors, 0),
    ordersPerSecond: round(mean(rates), 2),
    ordersPerSecondByWindow: rates.map((r) => round(r, 2)),
    variation: round(variation(rates), 3),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    cpuMsPerOrder,
    peakRssMiB: {
      distributor: round(peak[`${own}service:distributor`], 1),
      servicesTotal: round(services.reduce((s, [, v]) => s + v, 0), 1),
      plainWorker: round(peak['plain-worker'], 1),
      temporalServer: round(peak['temporal-server'], 1),
      postgres: round(peak.postgres, 1),
    },
    history: {
      sampled: h.length,
      eventsPerOrder: round(mean(h.map((x) => x.events)), 1),
      workflowTasksPerOrder: round(mean(h.map((x) => x.workflowTasks)), 1),
      activitiesPerOrder: round(mean(h.map((x) => x.activities)), 1),
      markersPerOrder: round(mean(h.map((x) => x.markers)), 1),
    },
  };
}

/** A's windows paired with the other arm's in order, round by round. */
function ratios(windows, other) {
  const pairs = [];
  const rounds = [...new Set(windows.map((w) => w.round))];
  for (const r of rounds) {
    const a = windows.filter((w) => w.round === r && w.arm === 'A');
    const o = windows.filter((w) => w.round === r && w.arm === other);
    for (let i = 0; i < Math.min(a.length, o.length); i++) pairs.push([a[i], o[i]]);
  }
  const serverCpu = (w) => (w.orders ? (w.cpuSeconds['temporal-server'] ?? 0) / w.orders : NaN);
  const totalCpu = (w) => (w.orders ? Object.values(w.cpuSeconds).reduce((s, v) => s + v, 0) / w.orders : NaN);
  const p50 = (w) => percentile(w.latenciesMs, 50);
  const of = (f) => {
    const s = spread(pairs.map(([a, o]) => f(a) / f(o)));
    return s && { median: round(s.median), min: round(s.min), max: round(s.max), pairs: s.n };
  };
  return {
    ordersPerSecond: of((w) => w.orders / w.seconds),
    latencyP50: of(p50),
    serverCpuPerOrder: of(serverCpu),
    totalCpuPerOrder: of(totalCpu),
  };
}

export function summarise(results, options) {
  const arms = {};
  for (const arm of options.arms) {
    arms[arm] = armSummary(results.windows.filter((w) => w.arm === arm), results.histories?.[arm], arm === 'R' ? 'release:' : '');
  }
  const summary = { arms, ratios: {}, warnings: [], ...(results.release ? { release: results.release } : {}) };
  for (const other of ['B', 'B-LA', 'R']) {
    if (arms.A && arms[other]) {
      summary.ratios[`A/${other}`] = ratios(results.windows, other);
      if (arms.A.history.eventsPerOrder && arms[other].history.eventsPerOrder) {
        summary.ratios[`A/${other}`].eventsPerOrder = round(arms.A.history.eventsPerOrder / arms[other].history.eventsPerOrder);
      }
    }
  }
  for (const [arm, s] of Object.entries(arms)) {
    if (s.variation > options.maxVariation) {
      summary.warnings.push(`${arm}'s throughput varies ${Math.round(s.variation * 100)}% across its windows (more than ${Math.round(options.maxVariation * 100)}%): the machine was noisy; treat its figures with care or run longer windows`);
    }
    if (s.errors) summary.warnings.push(`${arm} had ${s.errors} failed orders`);
  }
  if (results.replay?.diverged) {
    summary.warnings.push(`${results.replay.diverged} of ${results.replay.replayed} of A's orders did not replay against the code that ran them (nondeterminism): see replay.firstDivergence`);
  }
  for (const [name, r] of Object.entries(summary.ratios)) {
    const t = r.ordersPerSecond;
    if (t && t.median && (t.max - t.min) / t.median > 2 * options.maxVariation) {
      summary.warnings.push(`${name}'s throughput ratio ranges ${t.min}–${t.max} across window pairs: too noisy to rely on one figure`);
    }
  }
  return summary;
}

const fmt = (v) => (v === undefined || v === null || Number.isNaN(v) ? '–' : String(v));
const range = (r) => (r ? `${r.median} (${r.min}–${r.max}, ${r.pairs} pairs)` : '–');

export function table(summary) {
  const out = [];
  if (summary.arms) {
    out.push('| arm | orders/s | p50 ms | p95 ms | p99 ms | history events/order | workflow tasks/order | CPU ms/order: Temporal server | PostgreSQL | services | bench worker | total | peak RSS MiB: distributor | all services | bench worker |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [arm, s] of Object.entries(summary.arms)) {
      const c = s.cpuMsPerOrder;
      const name = arm === 'R' && summary.release ? `R (release ${summary.release.version})` : arm;
      out.push(
        `| ${name} | ${fmt(s.ordersPerSecond)} | ${fmt(s.latencyMs.p50)} | ${fmt(s.latencyMs.p95)} | ${fmt(s.latencyMs.p99)} | ${fmt(s.history.eventsPerOrder)} | ${fmt(s.history.workflowTasksPerOrder)} | ${fmt(c['temporal-server'])} | ${fmt(c.postgres)} | ${fmt(c.services)} | ${fmt(c['plain-worker'])} | ${fmt(c.total)} | ${fmt(s.peakRssMiB.distributor)} | ${fmt(s.peakRssMiB.servicesTotal)} | ${fmt(s.peakRssMiB.plainWorker)} |`,
      );
    }
    out.push('');
    out.push('| ratio | orders/s | p50 latency | Temporal server CPU/order | total CPU/order | history events/order |');
    out.push('| --- | --- | --- | --- | --- | ---: |');
    for (const [name, r] of Object.entries(summary.ratios)) {
      out.push(`| ${name} | ${range(r.ordersPerSecond)} | ${range(r.latencyP50)} | ${range(r.serverCpuPerOrder)} | ${range(r.totalCpuPerOrder)} | ${fmt(r.eventsPerOrder)} |`);
    }
    for (const w of summary.warnings) out.push(`\n> WARNING: ${w}`);
  }
  if (summary.scaling?.lines?.length) {
    out.push('\n| lines in one order | accepted (ms) | every stock answer in (ms) | completed (ms) |');
    out.push('| ---: | ---: | ---: | ---: |');
    for (const r of summary.scaling.lines) out.push(`| ${r.lines} | ${fmt(r.acceptMs)} | ${fmt(r.stockAnswersMs)} | ${fmt(r.completedMs)} |`);
  }
  if (summary.scaling?.openOrders) {
    out.push('\n| open orders | submitted/s | distributor RSS MiB: before, all waiting, idle max, idle end | over the idle period: seconds, distributor MiB/min (all, second half) | Temporal server RSS MiB: before, idle end | PostgreSQL RSS MiB: before, idle end | answered sample: completed of sampled, seconds |');
    out.push('| ---: | ---: | --- | --- | --- | --- | --- |');
    for (const run of summary.scaling.openOrders) {
      const at = (label) => run.points.find((p) => p.label === label)?.rssMiB ?? {};
      const before = run.points[0].rssMiB;
      const waiting = run.points.find((p) => p.label.endsWith(' waiting'))?.rssMiB ?? {};
      const idle = run.idle ?? { firstMiB: at('idle +0s'), lastMiB: {}, maxMiB: {}, slopeMiBPerMinute: {} };
      const d = 'service:distributor';
      out.push(
        `| ${run.totalOpen} | ${fmt(run.submittedPerSecond)} | ${fmt(before[d])}, ${fmt(waiting[d])}, ${fmt(idle.maxMiB[d])}, ${fmt(idle.lastMiB[d])} | ${fmt(idle.seconds)} s, ${fmt(idle.slopeMiBPerMinute[d])}, ${fmt(idle.secondHalfSlopeMiBPerMinute?.[d])} | ` +
          `${fmt(before['temporal-server'])}, ${fmt(idle.lastMiB['temporal-server'])} | ${fmt(before.postgres)}, ${fmt(idle.lastMiB.postgres)} | ` +
          `${run.answered ? `${run.answered.completed} of ${run.answered.sampled}, ${fmt(run.answered.seconds)} s` : ''} |`,
      );
    }
  }
  return out.join('\n');
}
