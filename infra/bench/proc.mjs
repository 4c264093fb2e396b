// CPU and memory of the stack's processes, read from /proc (Linux only).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ: 100 on every Linux the project runs on

function readStat(pid) {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses; the fields follow its last ')'.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      // utime, stime, and what waited-for children used (postgres backends that exited)
      cpu: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS,
    };
  } catch {
    return undefined;
  }
}

function readMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMiB: 0, hwmMiB: 0 };
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Which component a process belongs to, from its command line. */
export function componentOf(command) {
  const service = /apps\/(buyer|distributor|supplier|carrier|payment-gateway)\/src\/main\.js/.exec(command);
  if (service) return `service:${service[1]}`;
  if (/plain-worker\.mjs/.test(command)) return 'plain-worker';
  if (/postgres/.test(command)) return 'postgres';
  if (/temporal|TestServer|temporal-test-server/.test(command)) return 'temporal-server';
  return undefined;
}

/** Every process below `rootPids` (and themselves), by component. */
export function processTree(rootPids) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat) parents.set(Number(entry), stat.ppid);
  }
  const inTree = new Set(rootPids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const out = [];
  for (const pid of inTree) {
    const component = componentOf(cmdline(pid));
    if (component) out.push({ pid, component });
  }
  return out;
}

/**
 * CPU seconds and memory by component. A process is counted once under its component: a
 * postgres backend's parent is the postmaster, which also counts it once it has exited.
 */
export function sample(processes) {
  const cpu = {};
  const rssMiB = {};
  const hwmMiB = {};
  const byPid = new Map(processes.map((p) => [p.pid, p.component]));
  for (const { pid, component } of processes) {
    const stat = readStat(pid);
    if (!stat) continue;
    // A child of a process of the same component is already in its parent's cutime once reaped;
    // while alive it is counted here.
    cpu[component] = (cpu[component] ?? 0) + stat.cpu;
    const mem = readMemory(pid);
    if (byPid.get(stat.ppid) === component) {
      rssMiB[component] = (rssMiB[component] ?? 0) + mem.rssMiB;
      continue;
    }
    rssMiB[component] = (rssMiB[component] ?? 0) + mem.rssMiB;
    hwmMiB[component] = Math.max(hwmMiB[component] ?? 0, mem.hwmMiB);
  }
  return { at: Date.now(), cpu, rssMiB, hwmMiB };
}

/** Component groups the report uses. */
export function groupOf(component) {
  if (component.startsWith('service:')) return 'services';
  if (component === 'plain-worker') return 'plain-worker';
  return component;
}
