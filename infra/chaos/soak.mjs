// `--soak <minutes>`: steady load with faults at random; RSS and open file descriptors of every
// process of the stack sampled every few seconds (/proc/<pid>/status, /proc/<pid>/fd).
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROLES } from '../bench/stack.mjs';
import { setAnswerModes, startPeople, submitOrder } from './driver.mjs';

const SAMPLE_MS = 5000;

function measure(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    return { rssMiB: rssKb / 1024, fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return undefined;
  }
}

/** Samples every process of the stack; a restarted process (new pid) keeps its name's row. */
function sampler(stack) {
  const processes = {};
  const take = () => {
    for (const { name, pid } of stack.processes()) {
      const m = measure(pid);
      if (!m) continue;
      const p = (processes[name] ??= { pids: [], rss: { start: m.rssMiB, max: 0 }, fds: { start: m.fds, max: 0 }, samples: [] });
      if (!p.pids.includes(pid)) p.pids.push(pid);
      p.rss.end = m.rssMiB;
      p.rss.max = Math.max(p.rss.max, m.rssMiB);
      p.fds.end = m.fds;
      p.fds.max = Math.max(p.fds.max, m.fds);
      p.samples.push({ at: Date.now(), pid, ...m });
    }
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      take();
      return processes;
    },
  };
}

/** Faults the soak picks from, each undone before the next. */
function faults(stack) {
  const party = () => ROLES[Math.floor(Math.random() * ROLES.length)];
  return [
    async () => {
      const role = party();
      await stack.services[role].kill('SIGKILL');
      await stack.services[role].start();
      return `SIGKILL ${role}`;
    },
    async () => {
      if (!stack.temporalKeepsState) return 'skipped (Temporal without a file database)';
      await stack.killTemporal();
      await sleep(2000);
      await stack.startTemporal();
      return 'SIGKILL Temporal';
    },
    async () => {
      if (!stack.pg) return 'skipped (DATABASE_URL)';
      await stack.killPostgres();
      await sleep(2000);
      await stack.startPostgres();
      return 'SIGKILL PostgreSQL';
    },
    async () => {
      const role = ['supplier', 'carrier', 'payment-gateway'][Math.floor(Math.random() * 3)];
      stack.setFaults(role, [{ point: 'activity:*', fault: 'error:503', until: Date.now() + 10_000, id: `soak-${Date.now()}` }]);
      await sleep(10_000);
      stack.clearFaults(role);
      return `${role} activities answer 503 for 10 s`;
    },
  ];
}

export async function soak({ stack, client, minutes, concurrency = 3, log }) {
  const until = Date.now() + minutes * 60_000;
  const orderIds = [];
  // Whatever modes the rows or the demo data left, one supplier and one carrier are people who answer.
  const desks = { manualSuppliers: ['nordic-parts'], manualCarriers: ['baltic-lines'] };
  await setAnswerModes(client, desks);
  const people = startPeople(client, { orders: orderIds, ...desks, log });
  const samples = sampler(stack);
  const loaders = Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      try {
        const { orderId } = await submitOrder(client);
        orderIds.push(orderId);
        // the next order once this one has ended, or after a minute at most
        for (let i = 0; i < 120 && Date.now() < until; i++) {
          const view = await client.get('distributor', `/orders/${orderId}`, { as: 'tradelane-ops' }).catch(() => undefined);
          if (view && (view.status === 'completed' || view.status === 'cancelled')) break;
          await sleep(500);
        }
      } catch (error) {
        log(`soak: ${error.message}`);
        await sleep(1000);
      }
    }
  });
  const kinds = faults(stack);
  const applied = [];
  const chaos = (async () => {
    while (Date.now() < until - 30_000) {
      await sleep(20_000 + Math.random() * 20_000);
      if (Date.now() >= until - 30_000) break;
      const at = new Date().toISOString();
      try {
        const fault = await kinds[Math.floor(Math.random() * kinds.length)]();
        applied.push({ at, fault });
        log(`soak: ${fault}`);
      } catch (error) {
        applied.push({ at, fault: `failed: ${error.message}` });
      }
    }
  })();
  await Promise.all([...loaders, chaos]);
  const processes = samples.stop();
  for (const p of Object.values(processes)) delete p.samples;
  return { people, result: { minutes, orders: orderIds.length, faults: applied, processes }, orderIds };
}
