// Starts `temporal server start-dev` and waits until its frontend answers.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * @param {{ binary: string, port: number, uiPort?: number, dbFile?: string, logFile?: string, namespace?: string }} options
 * With no dbFile the server keeps everything in memory; with no uiPort it runs headless.
 */
export async function startTemporalDevServer({ binary, port, uiPort, dbFile, logFile, namespace = 'default' }) {
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--namespace', namespace,
    '--log-level', 'warn',
    // WAL and relaxed fsync: what Temporal's own throughput runs use for the SQLite store.
    '--sqlite-pragma', 'journal_mode=WAL',
    '--sqlite-pragma', 'synchronous=NORMAL',
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
  ];
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  let stdio = 'ignore';
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    const fd = openSync(logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  const child = spawn(binary, args, { stdio, detached: false });
  let exited;
  child.once('exit', (code) => (exited = code ?? 'signal'));
  // The server must not outlive whoever started it, even on a crash.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) {
      throw new Error(`temporal dev server exited (${exited}) before it was ready${logFile ? `; see ${logFile}` : ''}`);
    }
    try {
      const { stdout } = await run(binary, ['operator', 'cluster', 'health', '--address', address], { timeout: 5000 });
      if (stdout.includes('SERVING')) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`temporal dev server did not become ready on ${address} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    address,
    process: child,
    async stop() {
      process.off('exit', killOnExit);
      if (exited !== undefined) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}
