// The stack the fault matrix runs on: embedded PostgreSQL (or DATABASE_URL), the Temporal dev
// server on its file database and the five services, each a separate OS process the run owns, so
// that any one of them can be SIGKILLed and started again with the same data and task queues.
// Built like `npm start` (infra/scripts/start.mjs) from dist/, with a fault plan file per service.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES } from '../bench/stack.mjs';
import { processTree } from '../bench/proc.mjs';
import { provideIdentity } from '../identity/credentials.mjs';
import { startEmbeddedPostgres } from '../postgres/embedded.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { provideTemporalServer } from '../temporal/provide-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const host = '127.0.0.1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** One process of a party service: started, killed, started again on the same port and queues. */
class ServiceProcess {
  constructor(stack, role, { port, name = role, env = {} }) {
    this.stack = stack;
    this.role = role;
    this.name = name;
    this.port = port;
    this.env = env;
    this.url = `http://${host}:${port}`;
    this.child = undefined;
    this.starts = 0;
  }

  spawn(extraEnv = {}) {
    const log = createWriteStream(join(this.stack.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join(dist, `apps/${this.role}/src/main.js`)], {
      cwd: root,
      env: { ...this.stack.serviceEnv(this.role), ...this.env, ...extraEnv, PORT: String(this.port), HOST: host },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('exit', () => log.end());
    this.child = child;
    this.starts += 1;
    return child;
  }

  /** Starts it and waits until /health/ready answers. */
  async start(extraEnv = {}, timeoutMs = 120_000) {
    const child = this.spawn(extraEnv);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}) while starting; see ${join(this.stack.logDir, `${this.name}.log`)}`);
      }
      try {
        const res = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`${this.name} did not answer ${this.url}/health/ready within ${timeoutMs / 1000} s`);
  }

  get alive() {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  async kill(signal = 'SIGKILL') {
    if (!this.alive) return;
    const child = this.child;
    child.kill(signal);
    await exited(child);
  }

  async stop() {
    if (!this.alive) return;
    const child = this.child;
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.kill('SIGTERM');
    await exited(child);
    clearTimeout(timer);
  }
}

export async function startChaosStack({ dataDir, log }) {
  const stack = new ChaosStack(dataDir, log);
  await stack.start();
  return stack;
}

export class ChaosStack {
  constructor(dataDir, log) {
    this.dataDir = dataDir;
    this.log = log;
    this.logDir = join(dataDir, 'logs');
    this.faultDir = join(dataDir, 'faults');
    this.services = {};
    this.extra = [];
  }

  async start() {
    mkdirSync(this.logDir, { recursive: true });
    mkdirSync(this.faultDir, { recursive: true });
    // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
    if (process.getuid?.() === 0) chmodSync(this.dataDir, 0o711);
    // a run that crashes must not leave its services running
    process.once('exit', () => {
      for (const s of [...this.extra, ...Object.values(this.services)]) if (s.alive) s.child.kill('SIGKILL');
    });
    this.ports = { temporal: await freePort(), postgres: await freePort() };
    for (const role of ROLES) this.ports[role] = await freePort();
    await this.startPostgres();
    await this.startTemporal();
    this.log('applying migrations and demo data');
    const prepare = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join(dist, 'infra/stack/prepare-database.js'), '--seed'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: this.databaseUrl, TS_NODE_BASEURL: dist, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await new Promise((r) => prepare.once('exit', r));
    if (code !== 0) throw new Error('migrations failed; see the output above');
    this.identity = provideIdentity(this.dataDir);
    this.transferNoticeSecret = randomBytes(32).toString('hex');
    for (const role of ROLES) {
      this.services[role] = new ServiceProcess(this, role, { port: this.ports[role] });
      this.clearFaults(role);
    }
    this.log('starting the five services');
    // The distributor first: the others trade their API keys for tokens at its /auth/token.
    await this.services.distributor.start();
    await Promise.all(ROLES.filter((r) => r !== 'distributor').map((r) => this.services[r].start()));
    this.urls = Object.fromEntries(ROLES.map((r) => [r, this.services[r].url]));
  }

  serviceEnv(role) {
    const distributorUrl = `http://${host}:${this.ports.distributor}`;
    const only = { distributor: this.identity.issuerEnv, 'payment-gateway': this.identity.gatewayEnv }[role] ?? {};
    return {
      ...process.env,
      ...this.identity.env,
      ...only,
      NODE_ENV: 'development',
      TS_NODE_BASEURL: dist,
      TS_NODE_PROJECT: join(root, 'tsconfig.json'),
      IDENTITY_TOKEN_URL: `${distributorUrl}/auth/token`,
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      WORKFLOW_BUNDLE_PATH: join(dist, 'workflow-bundle.js'),
      TRANSFER_NOTICE_SECRET: this.transferNoticeSecret,
      TRANSFER_NOTICE_URL: `${distributorUrl}/transfer-notices`,
      LOG_FORMAT: 'json',
      // The run's one buyer and its people make far more requests than the per-organisation limit allows.
      RATE_LIMIT_PER_MINUTE: '10000000',
      PAYER_DEFAULT_CREDIT_LIMIT_MINOR: '100000000000000',
      TRADELANE_FAULTS: this.faultFile(role),
    };
  }

  faultFile(role) {
    return join(this.faultDir, `${role}.json`);
  }

  /** Replaces a service's fault plan; its processes read it at their next fault point. */
  setFaults(role, rules) {
    writeFileSync(this.faultFile(role), JSON.stringify({ rules }));
  }

  clearFaults(role) {
    this.setFaults(role, []);
  }

  async startPostgres() {
    if (process.env.DATABASE_URL) {
      this.databaseUrl = process.env.DATABASE_URL;
      this.externalDatabase = true;
      return;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        this.pg = await startEmbeddedPostgres({
          dataDir: join(this.dataDir, 'postgres'),
          port: this.ports.postgres,
          persistent: true,
          logFile: join(this.logDir, 'postgres.log'),
          log: (m) => this.log(m),
        });
        break;
      } catch (error) {
        // After a SIGKILL its old backends may still hold the shared memory for a moment.
        if (attempt >= 20) throw error;
        await sleep(500);
      }
    }
    this.databaseUrl = this.pg.url;
  }

  /** The postmaster and every backend it had, at once, as a power cut would. */
  async killPostgres() {
    if (!this.pg) throw new Error('PostgreSQL is not the run\'s own (DATABASE_URL is set)');
    const pids = processTree([this.pg.pid]).map((p) => p.pid);
    for (const pid of [this.pg.pid, ...pids]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    await this.pg.exited;
  }

  async startTemporal() {
    this.temporal = await provideTemporalServer({
      port: this.ports.temporal,
      dbFile: join(this.dataDir, 'temporal', 'temporal.db'),
      logFile: join(this.logDir, 'temporal.log'),
      log: (m) => this.log(m),
    });
    this.temporalAddress = this.temporal.address;
    this.temporalKeepsState = /CLI/.test(this.temporal.route);
  }

  async killTemporal() {
    process.kill(this.temporal.pid, 'SIGKILL');
    await this.temporal.exited;
  }

  /** A second process of a party's service on its own port, polling the same task queues. */
  async startSecond(role, env = {}) {
    const second = new ServiceProcess(this, role, { port: await freePort(), name: `${role}-2`, env });
    await second.start();
    this.extra.push(second);
    return second;
  }

  /** Every process of the stack the soak samples: services (and second ones), Temporal, PostgreSQL. */
  processes() {
    const list = [...ROLES.map((r) => this.services[r]), ...this.extra]
      .filter((s) => s.alive)
      .map((s) => ({ name: s.name, pid: s.child.pid }));
    if (this.temporal?.pid) list.push({ name: 'temporal', pid: this.temporal.pid });
    if (this.pg?.pid) list.push({ name: 'postgres', pid: this.pg.pid });
    return list;
  }

  async stop() {
    await Promise.all([...this.extra, ...Object.values(this.services)].map((s) => s.stop()));
    await this.temporal?.stop({ graceMs: 3000 }).catch(() => {});
    await this.pg?.stop({ graceMs: 3000 }).catch(() => {});
  }
}
