// What `npm start` runs is supervised here: a service that dies is restarted with a back-off and
// said so; a stop (Ctrl-C, SIGTERM, a crash of Temporal or PostgreSQL) ends every process of the
// stack within STOP_BUDGET_MS, services first, then the servers they need.
import { constants } from 'node:os';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
/** A service that has answered /health this long counts as healthy again: its back-off starts over. */
export const STABLE_MS = 60_000;
/** Crashes in a row, each before staying up STABLE_MS, after which the operator is told where to look. */
export const CRASH_LOOP = 5;
const SERVICE_GRACE_MS = 4500;
const SERVER_GRACE_MS = 2000;
const STOP_BUDGET_MS = 9500;
// When Ctrl-C reaches the whole process group, a child can end before our own SIGINT handler ran.
const SETTLE_MS = 250;

/** `code 137 (signal SIGKILL)` as a shell would put it, or `code 1`. */
export function describeExit(code, signal) {
  if (signal) return `code ${128 + (constants.signals[signal] ?? 0)} (signal ${signal})`;
  return `code ${code}`;
}

/** 1 s, 2 s, 4 s … capped at 30 s, for the n-th restart in a row (0-based). */
export function restartDelay(attempt) {
  return Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function exitOf(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

export class Supervisor {
  /** @param {{ say: (m: string) => void, warn: (m: string) => void }} io */
  constructor({ say, warn }) {
    this.say = say;
    this.warn = warn;
    this.services = [];
    this.servers = [];
    this.oneOffs = new Set();
    this.stopping = false;
  }

  /** A child that runs once (migrations): ended with the rest if a stop comes while it runs. */
  oneOff(child) {
    this.oneOffs.add(child);
    child.once('exit', () => this.oneOffs.delete(child));
    return child;
  }

  /**
   * @param {{ name: string, spawn: () => import('node:child_process').ChildProcess, healthUrl: string }} spec
   * Resolves once the first start answers /health; rejects if that start dies or never answers.
   */
  async service(spec) {
    const entry = { ...spec, child: undefined, attempt: 0, fastCrashes: 0, healthyAt: undefined, everHealthy: false, timer: undefined };
    this.services.push(entry);
    if (this.stopping) throw new Error('stopping');
    this.launch(entry);
    await this.waitForHealth(entry, entry.child, 90_000);
    entry.everHealthy = true;
    return entry.child.pid;
  }

  launch(entry) {
    const child = entry.spawn();
    entry.child = child;
    entry.healthyAt = undefined;
    this.say(`${entry.name} started (pid ${child.pid})`);
    child.once('exit', (code, signal) => setTimeout(() => this.exited(entry, child, code, signal), SETTLE_MS));
  }

  exited(entry, child, code, signal) {
    // dying before its first /health answer fails the start (service() rejects) instead
    if (this.stopping || !entry.everHealthy || child !== entry.child) return;
    const now = Date.now();
    if (entry.healthyAt !== undefined && now - entry.healthyAt >= STABLE_MS) {
      entry.attempt = 0;
      entry.fastCrashes = 0;
    }
    entry.fastCrashes += 1;
    const delay = restartDelay(entry.attempt);
    entry.attempt += 1;
    this.warn(`${entry.name} exited with ${describeExit(code, signal)}; restarting in ${delay / 1000} s`);
    if (entry.fastCrashes === CRASH_LOOP) {
      this.warn(
        `${entry.name} has crashed ${CRASH_LOOP} times in a row without staying up ${STABLE_MS / 1000} s: look at its [${entry.name}] lines above ` +
          '(a bad setting, or its database or Temporal out of reach, are the usual causes). ' +
          `The other services keep running; ${entry.name} is retried every ${MAX_DELAY_MS / 1000} s at most. Ctrl-C stops everything.`,
      );
    }
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (this.stopping) return;
      this.launch(entry);
      const restarted = entry.child;
      this.waitForHealth(entry, restarted, Infinity).then(
        () => {
          if (!this.stopping && restarted === entry.child) this.say(`${entry.name} is back (pid ${restarted.pid}): ${entry.healthUrl} answers`);
        },
        () => {}, // it died again: its exit handler takes over
      );
    }, delay);
  }

  async waitForHealth(entry, child, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let exit;
    child.once('exit', (code, signal) => (exit = describeExit(code, signal)));
    while (Date.now() < deadline) {
      if (exit) throw new Error(`${entry.name} exited with ${exit} while starting; see its [${entry.name}] lines above`);
      if (this.stopping) throw new Error('stopping');
      try {
        const res = await fetch(entry.healthUrl, { signal: AbortSignal.timeout(2000) });
        if (res.ok) {
          entry.healthyAt = Date.now();
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(300);
    }
    throw new Error(`${entry.name} did not answer ${entry.healthUrl} within ${timeoutMs / 1000} s`);
  }

  /**
   * A server the services need (Temporal, PostgreSQL): stopped after them. If it ends on its own,
   * everything stops with a non-zero exit, since no service can work without it.
   * @param {{ name: string, exited?: Promise<{ code: number|null, signal: string|null }>, stop: (o: { graceMs: number }) => Promise<void>, hint?: string }} server
   */
  server(server) {
    this.servers.push(server);
    void server.exited?.then(({ code, signal }) =>
      setTimeout(() => {
        if (this.stopping) return;
        server.gone = true;
        this.warn(`${server.name} exited on its own with ${describeExit(code, signal)}; stopping everything${server.hint ? ` (${server.hint})` : ''}`);
        void this.stop(1);
      }, SETTLE_MS),
    );
    if (this.stopping) void server.stop({ graceMs: 0 });
  }

  /** The whole stop; a second call (a second Ctrl-C) ends the services at once. */
  async stop(code) {
    if (this.stopping) {
      this.hurry();
      return;
    }
    this.stopping = true;
    this.say('stopping...');
    const started = Date.now();
    const watchdog = setTimeout(() => {
      this.warn(`the stop took over ${STOP_BUDGET_MS / 1000} s; killing what is left`);
      this.hurry();
      process.exit(code || 1);
    }, STOP_BUDGET_MS);
    for (const entry of this.services) clearTimeout(entry.timer);
    const children = [...this.services.map((e) => e.child), ...this.oneOffs].filter((c) => c && c.exitCode === null && c.signalCode === null);
    for (const child of children) child.kill('SIGTERM');
    const killer = setTimeout(() => this.hurry(), SERVICE_GRACE_MS);
    await Promise.all(children.map(exitOf));
    clearTimeout(killer);
    await Promise.all(
      [...this.servers].reverse().map(async (server) => {
        try {
          await server.stop({ graceMs: SERVER_GRACE_MS });
        } catch (error) {
          this.warn(`${server.name} did not stop cleanly: ${error?.message ?? error}`);
        }
      }),
    );
    clearTimeout(watchdog);
    this.say(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(code);
  }

  hurry() {
    for (const child of [...this.services.map((e) => e.child), ...this.oneOffs]) {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
}
