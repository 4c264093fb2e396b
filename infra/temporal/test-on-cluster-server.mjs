// Runs the e2e order flow against the Temporal server as clusters run it (go.temporal.io/server on
// PostgreSQL, SQL visibility) instead of the dev server: one embedded PostgreSQL holds Temporal's
// databases and the tests' own. Test files may be given as arguments; by default the order flow.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmbeddedPostgres } from '../postgres/embedded.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { findOrBuildClusterServer, startClusterServer, TEMPORAL_SERVER_VERSION } from './cluster-server.mjs';
import { ensureTemporalCli } from './ensure-cli.mjs';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ORDER_FLOW = ['test/e2e/order-flow-automatic.e2e-spec.ts', 'test/e2e/order-flow-people.e2e-spec.ts'];
const log = (m) => console.log(m);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// A signal never ends this process at once: it first stops what it started, so that nothing is
// left running. jest gets Ctrl-C from the terminal itself; a SIGTERM is passed on to it.
let interrupted = false;
let jest;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    if (signal === 'SIGTERM') jest?.kill('SIGTERM');
  });
}
function stopIfInterrupted() {
  if (interrupted) throw new Error('interrupted');
}

function runJest(files, env) {
  return new Promise((resolveExit) => {
    // jest's own script, not npx: npx does not pass a SIGTERM on to it.
    jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', ...files], { cwd: root, env, stdio: 'inherit' });
    jest.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}

/** What the tests left in the server, read back through its frontend from SQL visibility. */
async function countWorkflows(address) {
  try {
    const temporal = ensureTemporalCli({ log });
    const { stdout } = await run(temporal, [
      'workflow', 'count', '--address', address, '--namespace', 'default', '--query', 'GROUP BY ExecutionStatus',
    ], { timeout: 10_000 });
    const total = /Total: (\d+)/.exec(stdout)?.[1];
    const groups = [...stdout.matchAll(/Group total: (\d+), values: (\S+)/g)].map(([, n, status]) => `${n} ${status}`);
    return total ? `workflow executions: ${total} (${groups.join(', ')})` : stdout.trim();
  } catch (error) {
    return `(could not count: ${String(error.stderr || error.message).trim()})`;
  }
}

async function main() {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : ORDER_FLOW;
  const stops = [];
  const scratch = mkdtempSync(join(tmpdir(), 'tradelane-cluster-'));
  chmodSync(scratch, 0o755); // embedded PostgreSQL runs as another user when this runs as root
  const logFile = join(scratch, 'temporal-server.log');
  let exitCode = 1;
  try {
    let started = Date.now();
    const binaries = findOrBuildClusterServer({ log });
    if (!binaries) throw new Error('No Temporal server binary: install Go >= 1.25, or set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH.');
    log(`[cluster] Temporal server ${TEMPORAL_SERVER_VERSION}: ${binaries.server} (ready in ${seconds(started)})`);
    stopIfInterrupted();

    started = Date.now();
    const pg = await startEmbeddedPostgres({ dataDir: join(scratch, 'postgres'), port: await freePort(), persistent: false });
    stops.push(() => pg.stop());
    stopIfInterrupted();
    log(`[cluster] embedded PostgreSQL on ${new URL(pg.adminUrl).host} in ${seconds(started)}`);

    started = Date.now();
    const server = await startClusterServer({
      adminUrl: pg.adminUrl, folder: join(scratch, 'temporal'), port: await freePort(), binaries, logFile, log,
    });
    stops.push(() => server.stop());
    stopIfInterrupted();
    log(`[cluster] Temporal frontend on ${server.address}, namespace default registered, in ${seconds(started)} (config ${server.configFile})`);

    started = Date.now();
    exitCode = await runJest(files, { ...process.env, TEMPORAL_ADDRESS: server.address, TEST_DATABASE_URL: pg.adminUrl });
    log(`[cluster] jest exited ${exitCode} after ${seconds(started)}`);
    log(`[cluster] the server's SQL visibility holds: ${await countWorkflows(server.address)}`);
  } catch (error) {
    console.error(`[cluster] ${error.message}`);
  } finally {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(`[cluster] stopping: ${error.message}`);
      }
    }
  }
  if (exitCode === 0) rmSync(scratch, { recursive: true, force: true });
  else {
    rmSync(join(scratch, 'postgres'), { recursive: true, force: true });
    console.error(`[cluster] the server's log: ${logFile} (kept)`);
  }
  return exitCode;
}

process.exitCode = await main();
