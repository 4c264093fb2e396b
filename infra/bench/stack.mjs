// The stack under test: started like `npm start` (infra/scripts/start.mjs as a child, in a fresh
// data folder, on free ports), or the one configured with BENCH_*_URL, TEMPORAL_ADDRESS and
// DATABASE_URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/free-port.mjs';

export const ROLES = ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'];
const envName = (role) => `${role.toUpperCase().replace('-', '_')}`;

export function configuredStack() {
  const urls = Object.fromEntries(ROLES.map((r) => [r, process.env[`BENCH_${envName(r)}_URL`]]));
  if (!Object.values(urls).some(Boolean)) return undefined;
  const missing = ROLES.filter((r) => !urls[r]).map((r) => `BENCH_${envName(r)}_URL`);
  if (!process.env.TEMPORAL_ADDRESS) missing.push('TEMPORAL_ADDRESS');
  if (!process.env.DATABASE_URL) missing.push('DATABASE_URL');
  if (missing.length) throw new Error(`a configured stack needs ${missing.join(', ')}`);
  return {
    urls,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.TRADELANE_DATA_DIR,
    rootPids: (process.env.BENCH_STACK_PIDS ?? '').split(',').filter(Boolean).map(Number),
    stop: async () => undefined,
  };
}

export async function startStack({ root, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-bench-'));
  const ports = {};
  for (const name of [...ROLES.map((r) => `${envName(r)}_PORT`), 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'POSTGRES_PORT']) {
    ports[name] = await freePort();
  }
  const env = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), TRADELANE_DATA_DIR: dataDir };
  for (const name of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'TRANSFER_NOTICE_URL']) delete env[name];
  // The benchmark's buyer pays for thousands of orders; the default credit limit would decline them.
  env.PAYER_DEFAULT_CREDIT_LIMIT_MINOR = env.PAYER_DEFAULT_CREDIT_LIMIT_MINOR ?? '100000000000000';
  // The bench measures the engine, not the per-organisation request limit: its one buyer and its
  // bots make far more than 1,200 requests a minute.
  env.RATE_LIMIT_PER_MINUTE = env.BENCH_RATE_LIMIT_PER_MINUTE ?? '10000000';
  const child = spawn(process.execPath, [join(root, 'infra/scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const keep = (chunk) => {
    output.push(String(chunk));
    if (output.length > 400) output.splice(0, output.length - 400);
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  };
  child.stderr.on('data', keep);
  const up = new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      seen += chunk;
      if (seen.includes('Tradelane is up.')) resolve();
      if (seen.length > 100_000) seen = seen.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`the stack exited with code ${code} while starting:\n${output.join('').slice(-4000)}`)));
  });
  log(`starting the stack in ${dataDir}`);
  await up;
  const host = '127.0.0.1';
  const stack = {
    urls: Object.fromEntries(ROLES.map((r) => [r, `http://${host}:${ports[`${envName(r)}_PORT`]}`])),
    temporalAddress: `${host}:${ports.TEMPORAL_PORT}`,
    databaseUrl: `postgres://tradelane:tradelane@${host}:${ports.POSTGRES_PORT}/tradelane`,
    dataDir,
    rootPids: [child.pid],
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        await exited;
        clearTimeout(timer);
      }
      if (!process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
