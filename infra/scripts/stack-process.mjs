// A whole stack as `npm start` runs it, started as a child process on free ports with a data
// folder of its own: what the fuzz run and the benchmark test against.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const host = '127.0.0.1';

export const PORT_VARIABLES = {
  buyer: 'BUYER_PORT',
  distributor: 'DISTRIBUTOR_PORT',
  supplier: 'SUPPLIER_PORT',
  carrier: 'CARRIER_PORT',
  'payment-gateway': 'PAYMENT_GATEWAY_PORT',
};

/**
 * As root, PostgreSQL runs as the postgres user and keeps its data inside the stack's folder only if
 * that user can enter it. A fresh, empty one (mkdtemp makes it 0700) is opened for search (o+x, not
 * listing), as the tests' scratch folder is; a folder with content is left as it is (start.mjs then
 * keeps the data under /var/lib/tradelane instead).
 */
function openFreshFolder(dir) {
  if (process.getuid?.() !== 0 || !existsSync(dir) || readdirSync(dir).length > 0) return;
  chmodSync(dir, statSync(dir).mode | 0o011);
}

/** Resolves once start.mjs says the stack is up; `onOutput` sees everything it prints. */
export async function startStackProcess({ dataDir, env = {}, onOutput = () => {}, timeoutMs = 300_000 }) {
  const ports = {};
  const metricsVariables = Object.values(PORT_VARIABLES).map((v) => v.replace(/_PORT$/, '_TEMPORAL_METRICS_PORT'));
  for (const variable of [...Object.values(PORT_VARIABLES), ...metricsVariables, 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'POSTGRES_PORT', 'CONSOLE_PORT']) {
    ports[variable] = await freePort();
  }
  openFreshFolder(dataDir);
  const childEnv = { ...process.env, ...env, TRADELANE_DATA_DIR: dataDir };
  // Its own embedded Temporal and PostgreSQL, whatever the calling shell points at.
  for (const name of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'TRANSFER_NOTICE_URL', 'IDENTITY_TOKEN_URL', 'CONSOLE_PUBLIC_URL']) delete childEnv[name];
  for (const [variable, port] of Object.entries(ports)) childEnv[variable] = String(port);
  const child = spawn(process.execPath, [join(root, 'infra/scripts/start.mjs')], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // a caller that crashes or exits without stop() must not leave the stack running
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  child.once('exit', () => process.off('exit', stopOnExit));
  await untilUp(child, { timeoutMs, onOutput, what: 'the stack' });
  return {
    child,
    ports,
    urls: Object.fromEntries(Object.entries(PORT_VARIABLES).map(([role, variable]) => [role, `http://${host}:${ports[variable]}`])),
    temporalAddress: `${host}:${ports.TEMPORAL_PORT}`,
    databaseUrl: `postgres://tradelane:tradelane@${host}:${ports.POSTGRES_PORT}/tradelane`,
    stop: (graceMs = 60_000) =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', r);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
      }),
  };
}

/**
 * Resolves once a start.mjs child prints that it is up; rejects with the tail of its output if it
 * exits first, and stops it after `timeoutMs`. `onOutput` sees everything it prints; the lines it
 * printed last are returned, and kept up to date while it runs.
 */
export async function untilUp(child, { timeoutMs = 300_000, onOutput = () => {}, what = 'the stack' } = {}) {
  const tail = [];
  const keep = (chunk) => {
    onOutput(chunk);
    tail.push(String(chunk));
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  };
  child.stderr.on('data', keep);
  await new Promise((resolveUp, rejectUp) => {
    let seen = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      if (seen === undefined) return;
      seen = (seen + chunk).slice(-4096);
      if (!seen.includes('Tradelane is up.')) return;
      seen = undefined;
      clearTimeout(timer);
      resolveUp();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectUp(new Error(`${what} exited with code ${code} before it was up:\n${tail.join('').slice(-4000)}`));
    });
  });
  return tail;
}
