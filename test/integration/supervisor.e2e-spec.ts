import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start`'s supervisor on the real stack (start.mjs with its own Temporal dev server and
 * PostgreSQL, the five services and the console, built in dist/): a service that dies comes back,
 * and a stop leaves no process of the stack behind, also right after a crash.
 */

type Exit = { code: number | null; signal: string | null; afterSignalMs?: number };

function read(file: string, encoding: BufferEncoding = 'utf8'): string | undefined {
  try {
    return readFileSync(file, encoding);
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * The pids of every process started for the stack in `dataDir`: those that inherited
 * TRADELANE_DATA_DIR, and their descendants (PostgreSQL's own processes write their title over
 * their environment).
 */
function processesOf(dataDir: string): number[] {
  const mark = `TRADELANE_DATA_DIR=${dataDir}\0`;
  const found = new Set<number>();
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (read(`/proc/${name}/environ`, 'latin1')?.includes(mark)) found.add(pid);
    const stat = read(`/proc/${name}/stat`);
    if (stat) parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!found.has(pid) && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found].filter(alive);
}

function alive(pid: number): boolean {
  const stat = read(`/proc/${pid}/stat`);
  return stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

class StackUnderTest {
  output = '';
  pid = 0;
  urls: Record<string, string> = {};
  readonly exited: Promise<Exit>;
  private readonly driver: ChildProcess;
  private readonly up: Promise<void>;

  constructor(readonly dataDir: string) {
    this.driver = fork(join(__dirname, '../support/stack-driver.mjs'), [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let exit: (e: Exit) => void;
    this.exited = new Promise((r) => (exit = r));
    this.up = new Promise((resolveUp, rejectUp) => {
      this.driver.on('message', (m: { type: string; text?: string; message?: string; pid?: number; urls?: Record<string, string> } & Exit) => {
        if (m.type === 'output') this.output += m.text;
        if (m.type === 'up') {
          this.pid = m.pid!;
          this.urls = m.urls!;
          resolveUp();
        }
        if (m.type === 'failed') rejectUp(new Error(m.message));
        if (m.type === 'exit') exit(m);
      });
    });
  }

  started = () => this.up;

  signal(signal: NodeJS.Signals): void {
    this.driver.send({ type: 'signal', signal });
  }

  /** The pid the supervisor last reported for a child: `<name> started (pid N)`, `PostgreSQL: … (pid N)`. */
  pidOf(name: string): number {
    const all = [...this.output.matchAll(new RegExp(`\\[tradelane\\] ${name}\\b[^\\n]*\\(pid (\\d+)\\)`, 'g'))];
    if (all.length === 0) throw new Error(`no pid said for ${name}`);
    return Number(all[all.length - 1][1]);
  }

  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs / 1000} s in:\n${this.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The supervisor's exit, or a failure naming what was still running after `ms`. */
  async exitWithin(ms: number): Promise<Exit> {
    const late = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`start.mjs still running ${ms / 1000} s after the signal; left: ${processesOf(this.dataDir).join(', ')}`)), ms).unref(),
    );
    return Promise.race([this.exited, late]);
  }

  /** Stops what is still running after a failed test; kills what will not stop. */
  async close(): Promise<void> {
    if (this.pid && alive(this.pid)) {
      this.signal('SIGTERM');
      await this.exitWithin(15_000).catch(() => {});
    }
    if (this.driver.connected) this.driver.disconnect();
    for (const pid of processesOf(this.dataDir)) process.kill(pid, 'SIGKILL');
  }
}

async function startStack(): Promise<StackUnderTest> {
  const stack = new StackUnderTest(mkdtempSync(join(tmpdir(), 'tradelane-supervisor-')));
  await stack.started();
  return stack;
}

async function cleanUp(stack?: StackUnderTest): Promise<void> {
  if (!stack) return;
  await stack.close();
  rmSync(stack.dataDir, { recursive: true, force: true });
}

const ROLES = ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway', 'console'];

describe('npm start supervises its services', () => {
  let stack: StackUnderTest;
  beforeAll(async () => {
    stack = await startStack();
  }, 300_000);
  afterAll(() => cleanUp(stack), 30_000);

  it('restarts a service that was killed, says so, and its /health answers again', async () => {
    const killed = stack.pidOf('distributor started');
    process.kill(killed, 'SIGKILL');

    await stack.waitFor(/\[tradelane\] distributor exited with code 137 \(signal SIGKILL\); restarting in 1 s/, 10_000);
    const back = await stack.waitFor(/\[tradelane\] distributor is back \(pid (\d+)\)/, 90_000);
    const restarted = Number(back[1]);
    expect(restarted).not.toBe(killed);
    expect(alive(restarted)).toBe(true);
    const health = await fetch(`${stack.urls.distributor}/health`, { headers: { connection: 'close' } });
    await health.text();
    expect(health.status).toBe(200);

    // dying again before it stayed up a minute doubles the wait
    process.kill(restarted, 'SIGKILL');
    await stack.waitFor(/\[tradelane\] distributor exited with code 137 \(signal SIGKILL\); restarting in 2 s/, 10_000);
    const again = await stack.waitFor(new RegExp(`\\[tradelane\\] distributor is back \\(pid (?!${restarted}\\))(\\d+)\\)`), 90_000);
    expect(alive(Number(again[1]))).toBe(true);
  }, 180_000);

  it('stops everything on SIGTERM, the Temporal server and PostgreSQL included, within 10 s', async () => {
    const running = processesOf(stack.dataDir);
    const servers = [stack.pidOf('Temporal'), stack.pidOf('PostgreSQL')];
    const services = ROLES.map((role) => stack.pidOf(`${role} started`));
    expect(running).toEqual(expect.arrayContaining([stack.pid, ...servers, ...services]));
    // PostgreSQL's own processes (checkpointer, the services' backends…) are in the count too
    expect(running.length).toBeGreaterThan(1 + servers.length + services.length);

    stack.signal('SIGTERM');
    const exit = await stack.exitWithin(10_000);

    expect(exit.code).toBe(0);
    expect(processesOf(stack.dataDir)).toEqual([]);
    expect(running.filter(alive)).toEqual([]);
  }, 30_000);
});

describe('npm start stopped right after a crash', () => {
  let stack: StackUnderTest;
  beforeAll(async () => {
    stack = await startStack();
  }, 300_000);
  afterAll(() => cleanUp(stack), 30_000);

  it('stops within 10 s and leaves nothing running when SIGTERM follows a killed service at once', async () => {
    const running = processesOf(stack.dataDir);
    process.kill(stack.pidOf('supplier started'), 'SIGKILL');
    stack.signal('SIGTERM');
    const exit = await stack.exitWithin(10_000);

    expect(exit.code).toBe(0);
    expect(stack.output.split('[tradelane] stopping...')[1]).not.toMatch(/started \(pid/);
    expect(processesOf(stack.dataDir)).toEqual([]);
    expect(running.filter(alive)).toEqual([]);
  }, 30_000);
});

describe('npm start when PostgreSQL dies under it', () => {
  let stack: StackUnderTest;
  beforeAll(async () => {
    stack = await startStack();
  }, 300_000);
  afterAll(() => cleanUp(stack), 30_000);

  it('says so and stops everything with a non-zero exit, leaving nothing running', async () => {
    const running = processesOf(stack.dataDir);
    process.kill(stack.pidOf('PostgreSQL'), 'SIGKILL');

    const exit = await stack.exitWithin(15_000);

    expect(stack.output).toMatch(/\[tradelane\] PostgreSQL exited on its own with code 137 \(signal SIGKILL\); stopping everything/);
    expect(exit.code).toBe(1);
    expect(processesOf(stack.dataDir)).toEqual([]);
    expect(running.filter(alive)).toEqual([]);
  }, 30_000);
});
