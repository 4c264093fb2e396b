// Starts `temporal server start-dev` and waits until its frontend answers.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { runServerProcess } from './server-process.mjs';

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
  const address = `127.0.0.1:${port}`;
  return runServerProcess({
    name: 'temporal dev server',
    command: binary,
    args,
    logFile,
    address,
    timeoutMs: 60_000,
    pollMs: 300,
    ready: async () => {
      try {
        const { stdout } = await run(binary, ['operator', 'cluster', 'health', '--address', address], { timeout: 5000 });
        return stdout.includes('SERVING');
      } catch {
        return false;
      }
    },
  });
}
