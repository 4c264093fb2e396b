// The console journeys run against the whole system as `npm start` runs it, on free ports and a
// fresh data folder, so they test what people get.
import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function canListen(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768 and up): the ports are chosen before anything
 * starts, and the Temporal dev server binds ports of its own from that range as it comes up, so a
 * port taken from it could be gone by the time its service listens.
 */
async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await canListen(port))) {
      taken.add(port);
      return port;
    }
  }
}

export interface RunningSystem {
  consoleUrl: string;
  dataDir: string;
  databaseUrl: string;
  stop(): Promise<void>;
}
const PORT_VARIABLES = ['BUYER_PORT', 'DISTRIBUTOR_PORT', 'SUPPLIER_PORT', 'CARRIER_PORT', 'PAYMENT_GATEWAY_PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'POSTGRES_PORT', 'CONSOLE_PORT'];

export async function startSystem(log: (message: string) => void = console.log): Promise<RunningSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-console-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as its own user when the tests run as root
  const ports: Record<string, string> = {};
  const taken = new Set<number>();
  for (const name of PORT_VARIABLES) ports[name] = String(await freePort(taken));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    TRADELANE_DATA_DIR: dataDir,
    // a session check per request, so a revoked or expired session ends at once in the journeys
    CONSOLE_SESSION_RECHECK_SECONDS: '0',
  };
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'CONSOLE_PUBLIC_URL']) delete env[name];
  const logFile = join(dataDir, 'system.log');
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(root, 'infra/scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  await new Promise<void>((resolveUp, rejectUp) => {
    let seen = '';
    const timer = setTimeout(() => rejectUp(new Error(`the system did not come up in 4 minutes; see ${logFile}`)), 240_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk;
      if (seen.includes('Tradelane is up.')) {
        clearTimeout(timer);
        resolveUp();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectUp(new Error(`npm start's launcher exited with ${code} while starting; see ${logFile}`));
    });
  });
  const consoleUrl = `http://127.0.0.1:${ports.CONSOLE_PORT}`;
  log(`[console tests] system up: console ${consoleUrl}, data ${dataDir}, log ${logFile}`);
  return {
    consoleUrl,
    dataDir,
    databaseUrl: `postgres://tradelane:tradelane@127.0.0.1:${ports.POSTGRES_PORT}/tradelane`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      out.end();
    },
  };
}
