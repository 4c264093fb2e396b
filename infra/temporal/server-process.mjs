// Runs a Temporal server as a child process: logs to a file, waits until it answers,
// never outlives its parent, and stops gracefully.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @param {{ name: string, command: string, args: string[], logFile?: string, address: string,
 *           ready: () => Promise<boolean>, timeoutMs: number, pollMs: number }} options
 */
export async function runServerProcess({ name, command, args, logFile, address, ready, timeoutMs, pollMs }) {
  let stdio = 'ignore';
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    const fd = openSync(logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  const child = spawn(command, args, { stdio });
  let exited;
  const ended = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  child.once('exit', (code) => (exited = code ?? 'signal'));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (exited !== undefined) {
      throw new Error(`${name} exited (${exited}) before it was ready${logFile ? `; see ${logFile}` : ''}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready on ${address} within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return {
    address,
    pid: child.pid,
    /** Settles when the server process ends, for whatever reason. */
    exited: ended,
    async stop({ graceMs = 10_000 } = {}) {
      process.off('exit', killOnExit);
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await ended;
      clearTimeout(timer);
    },
  };
}
