// The stack under test: started like `npm start` (infra/scripts/start.mjs as a child, in a fresh
// data folder, on free ports), or the one configured with BENCH_*_URL, TEMPORAL_ADDRESS and
// DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStackProcess } from '../scripts/stack-process.mjs';

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

/** What the bench changes in a stack it starts (A's, and the release's of arm R alike). */
export function benchStackEnv() {
  return {
    // The benchmark's buyer pays for thousands of orders; the default credit limit would decline them.
    PAYER_DEFAULT_CREDIT_LIMIT_MINOR: process.env.PAYER_DEFAULT_CREDIT_LIMIT_MINOR ?? '100000000000000',
    // The bench measures the engine, not the per-organisation request limit: its one buyer and its
    // bots make far more than 1,200 requests a minute.
    RATE_LIMIT_PER_MINUTE: process.env.BENCH_RATE_LIMIT_PER_MINUTE ?? '10000000',
  };
}

export async function startStack({ log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-bench-'));
  const output = [];
  log(`starting the stack in ${dataDir}`);
  const started = await startStackProcess({
    dataDir,
    env: benchStackEnv(),
    onOutput: (chunk) => {
      output.push(String(chunk));
      if (output.length > 400) output.splice(0, output.length - 400);
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    },
  });
  return {
    urls: started.urls,
    temporalAddress: started.temporalAddress,
    databaseUrl: started.databaseUrl,
    dataDir,
    rootPids: [started.child.pid],
    output,
    async stop() {
      await started.stop();
      if (!process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
